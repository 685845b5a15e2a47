// Malformed request bodies: every one must get 422 with field-level errors,
// never a 500.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';

import { articlePath, createArticle, expectErrors, expectJson, get, post, put, registerUser, request, uniqueName } from './lib/client.mjs';

describe('malformed request bodies', () => {
  let account;
  let article;

  before(async () => {
    account = await registerUser('bad');
    article = await createArticle(account.token, {});
  });

  // Each write endpoint, with a valid body to start from.
  const endpoints = () => [
    ['POST /api/users', 'POST', '/api/users', undefined],
    ['POST /api/users/login', 'POST', '/api/users/login', undefined],
    ['PUT /api/user', 'PUT', '/api/user', account.token],
    ['POST /api/articles', 'POST', '/api/articles', account.token],
    ['PUT /api/articles/:slug', 'PUT', articlePath(article.slug), account.token],
    ['POST /api/articles/:slug/comments', 'POST', articlePath(article.slug, '/comments'), account.token],
  ];

  const rawBodies = [
    ['truncated JSON', '{"user": {"email": "a@b.test"'],
    ['trailing garbage', '{"user": {}} trailing'],
    ['single quotes', "{'user': {}}"],
    ['empty body', ''],
    ['array', '[]'],
    ['string', '"just a string"'],
    ['number', '42'],
    ['null', 'null'],
    ['deeply nested arrays', `{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ];

  for (const [name, body] of rawBodies) {
    it(`rejects ${name} with 422 on every write endpoint`, async () => {
      for (const [label, method, path, token] of endpoints()) {
        const response = await request(method, path, { token, body, headers: { 'content-type': 'application/json' } });
        assert.equal(response.status, 422, `${label}: HTTP ${response.status}: ${response.text.slice(0, 300)}`);
        expectErrors(response, 422);
      }
    });
  }

  it('rejects invalid UTF-8 with 422', async () => {
    const body = Buffer.concat([Buffer.from('{"comment": {"body": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}}')]);
    const response = await request('POST', articlePath(article.slug, '/comments'), {
      token: account.token,
      body,
      headers: { 'content-type': 'application/json' },
    });
    expectErrors(response, 422);
  });

  it('rejects text/plain Content-Type with 422', async () => {
    const username = uniqueName('ctype');
    const body = JSON.stringify({ user: { username, email: `${username}@example.test`, password: 'password123' } });
    const response = await request('POST', '/api/users', { body, headers: { 'content-type': 'text/plain' } });
    expectErrors(response, 422);
    const login = await post('/api/users/login', { json: { user: { email: `${username}@example.test`, password: 'password123' } } });
    assert.equal(login.status, 401, 'the user was registered despite the wrong Content-Type');
  });

  it('rejects form Content-Type with 422', async () => {
    const response = await request('POST', '/api/articles', {
      token: account.token,
      body: 'title=t&description=d&body=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectErrors(response, 422);
  });

  it('rejects missing Content-Type with 422', async () => {
    const body = Buffer.from(JSON.stringify({ article: { title: 't', description: 'd', body: 'b' } }));
    const response = await request('POST', '/api/articles', { token: account.token, body });
    expectErrors(response, 422);
  });

  it('accepts Content-Type with charset parameter', async () => {
    const body = JSON.stringify({ article: { title: `Charset ${uniqueName('t')}`, description: 'd', body: 'b' } });
    const response = await request('POST', '/api/articles', {
      token: account.token,
      body,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expectJson(response, 201);
  });

  for (const [name, wrapper] of [['user', 'user'], ['article', 'article'], ['comment', 'comment']]) {
    for (const [kind, value] of [['array', []], ['string', 'x'], ['null', null], ['number', 1]]) {
      it(`rejects ${name} wrapper as ${kind} with 422`, async () => {
        const target = {
          user: ['POST', '/api/users', undefined],
          article: ['POST', '/api/articles', account.token],
          comment: ['POST', articlePath(article.slug, '/comments'), account.token],
        }[wrapper];
        const response = await request(target[0], target[1], { token: target[2], json: { [wrapper]: value } });
        expectErrors(response, 422);
      });
    }
  }

  const wrongTypes = [
    ['number title', { title: 42, description: 'd', body: 'b' }, 'title'],
    ['boolean description', { title: 't', description: true, body: 'b' }, 'description'],
    ['array body', { title: 't', description: 'd', body: ['b'] }, 'body'],
    ['object title', { title: { text: 't' }, description: 'd', body: 'b' }, 'title'],
    ['string tagList', { title: 't', description: 'd', body: 'b', tagList: 'dragons' }, 'tagList'],
    ['object tagList', { title: 't', description: 'd', body: 'b', tagList: { 0: 'a' } }, 'tagList'],
    ['numbers in tagList', { title: 't', description: 'd', body: 'b', tagList: [1, 2] }, 'tagList'],
    ['null in tagList', { title: 't', description: 'd', body: 'b', tagList: ['a', null] }, 'tagList'],
    ['huge number title', { title: 1e308, description: 'd', body: 'b' }, 'title'],
  ];
  for (const [name, fields, field] of wrongTypes) {
    it(`rejects article with ${name} with 422`, async () => {
      expectErrors(await post('/api/articles', { token: account.token, json: { article: fields } }), 422, field);
    });
  }

  it('rejects update with number title with 422', async () => {
    const response = await put(articlePath(article.slug), { token: account.token, json: { article: { title: 7 } } });
    expectErrors(response, 422, 'title');
  });

  it('rejects update with string tagList with 422', async () => {
    const response = await put(articlePath(article.slug), { token: account.token, json: { article: { tagList: 'x' } } });
    expectErrors(response, 422, 'tagList');
  });

  it('rejects registration with wrong types with 422', async () => {
    const username = uniqueName('types');
    const cases = [
      [{ username: 12345, email: `${username}@example.test`, password: 'password123' }, 'username'],
      [{ username, email: ['a@b.test'], password: 'password123' }, 'email'],
      [{ username, email: `${username}@example.test`, password: 12345678 }, 'password'],
    ];
    for (const [user, field] of cases) {
      expectErrors(await post('/api/users', { json: { user } }), 422, field);
    }
  });

  it('rejects login with wrong types with 422', async () => {
    expectErrors(await post('/api/users/login', { json: { user: { email: 1, password: 'password123' } } }), 422, 'email');
    expectErrors(await post('/api/users/login', { json: { user: { email: account.email, password: false } } }), 422, 'password');
  });

  it('rejects comment with number body with 422', async () => {
    const response = await post(articlePath(article.slug, '/comments'), { token: account.token, json: { comment: { body: 5 } } });
    expectErrors(response, 422, 'body');
  });

  // PostgreSQL text cannot store U+0000, so the API must reject it rather
  // than fail in the database or store a truncated value.
  const nulCases = () => [
    ['username', '/api/users', undefined, { user: { username: `nul_${uniqueName('u')}\u0000x`, email: `${uniqueName('nul')}@example.test`, password: 'password123' } }],
    ['title', '/api/articles', account.token, { article: { title: 'before\u0000after', description: 'd', body: 'b' } }],
    ['tagList', '/api/articles', account.token, { article: { title: 't', description: 'd', body: 'b', tagList: ['nul\u0000tag'] } }],
    ['body', articlePath(article.slug, '/comments'), account.token, { comment: { body: 'before\u0000after' } }],
  ];
  for (const field of ['username', 'title', 'tagList', 'body']) {
    it(`rejects NUL character in ${field} with 422`, async () => {
      const [, path, token, json] = nulCases().find((entry) => entry[0] === field);
      expectErrors(await post(path, { token, json }), 422, field);
    });
  }

  it('rejects lone surrogate escape with 422', async () => {
    const body = '{"comment": {"body": "broken \\ud800 text"}}';
    const response = await request('POST', articlePath(article.slug, '/comments'), {
      token: account.token,
      body,
      headers: { 'content-type': 'application/json' },
    });
    expectErrors(response, 422);
  });

  it('rejects a 10 kB title with 422', async () => {
    // Titles are limited to 300 characters. A longer one must get a field
    // error, not a 500 from an index or a slug built from all of it.
    const title = randomBytes(7500).toString('base64');
    const response = await post('/api/articles', { token: account.token, json: { article: { title, description: 'd', body: 'b' } } });
    expectErrors(response, 422, 'title');
  });

  it('stores a 300-character random title', async () => {
    const title = randomBytes(225).toString('base64');
    assert.equal(title.length, 300);
    const created = expectJson(await post('/api/articles', { token: account.token, json: { article: { title, description: 'd', body: 'b' } } }), 201).article;
    assert.equal(created.title, title);
    const fetched = expectJson(await get(articlePath(created.slug)), 200).article;
    assert.equal(fetched.title, title);
  });

  it('handles a 4 kB random tag without 500', async () => {
    const tag = randomBytes(3000).toString('base64');
    const response = await post('/api/articles', { token: account.token, json: { article: { title: 't', description: 'd', body: 'b', tagList: [tag] } } });
    assert.ok([201, 422].includes(response.status), `HTTP ${response.status}: ${response.text.slice(0, 300)}`);
    if (response.status === 422) {
      expectErrors(response, 422, 'tagList');
      return;
    }
    assert.deepEqual(expectJson(response, 201).article.tagList, [tag]);
  });

  it('ignores unknown fields', async () => {
    const title = `Extra ${uniqueName('t')}`;
    const response = await post('/api/articles', {
      token: account.token,
      json: { article: { title, description: 'd', body: 'b', favoritesCount: 99, slug: 'chosen-slug', author: 'x' }, extra: 1 },
    });
    const created = expectJson(response, 201).article;
    assert.equal(created.favoritesCount, 0);
    assert.notEqual(created.slug, 'chosen-slug');
    assert.equal(created.author.username, account.username);
  });
});
