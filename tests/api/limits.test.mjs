// Input the API rejects or normalises: invalid text in URLs, case-only
// username clashes, following yourself, tag limits.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import {
  createArticle, expectErrors, expectJson, get, post, put, profilePath, registerUser, uniqueName,
} from './lib/client.mjs';

describe('invalid text in URLs', () => {
  let account;
  before(async () => {
    account = await registerUser('utf');
  });

  it('answers 404 for an invalid UTF-8 path parameter', async () => {
    for (const path of ['/api/profiles/%ff', '/api/articles/%ff', '/api/articles/%c3/comments']) {
      expectErrors(await get(path), 404);
    }
  });

  it('answers 404 for invalid UTF-8 when following', async () => {
    expectErrors(await post('/api/profiles/%ff/follow', { token: account.token }), 404);
  });

  it('answers 422 for invalid UTF-8 or NUL in filters', async () => {
    for (const query of ['tag=%ff', 'author=%c3', 'favorited=%ed%a0%80', 'tag=common%00junk']) {
      expectErrors(await get(`/api/articles?${query}`), 422, 'query');
    }
  });
});

describe('usernames', () => {
  it('rejects a username that differs only in case', async () => {
    const first = await registerUser('case');
    const response = await post('/api/users', {
      json: { user: { username: first.username.toUpperCase(), email: `${uniqueName('c')}@example.test`, password: 'password123' } },
    });
    expectErrors(response, 409, 'username');
  });

  it('rejects renaming to another user in other case', async () => {
    const first = await registerUser('case');
    const second = await registerUser('case');
    const response = await put('/api/user', { token: second.token, json: { user: { username: first.username.toUpperCase() } } });
    expectErrors(response, 409, 'username');
  });
});

describe('following yourself', () => {
  it('leaves following false and the feed empty', async () => {
    const account = await registerUser('self');
    await createArticle(account.token);
    const profile = expectJson(await post(profilePath(account.username, '/follow'), { token: account.token }), 200).profile;
    assert.equal(profile.following, false);
    const feed = expectJson(await get('/api/articles/feed', { token: account.token }), 200);
    assert.equal(feed.articlesCount, 0);
  });
});

describe('tag limits', () => {
  let account;
  before(async () => {
    account = await registerUser('tags');
  });

  it('rejects more than 20 tags', async () => {
    const tagList = Array.from({ length: 21 }, (_, i) => `t${i}`);
    const response = await post('/api/articles', { token: account.token, json: { article: { title: 't', description: 'd', body: 'b', tagList } } });
    expectErrors(response, 422, 'tagList');
  });

  it('trims spaces around tags', async () => {
    const tag = uniqueName('trim');
    const article = expectJson(await post('/api/articles', {
      token: account.token, json: { article: { title: 't', description: 'd', body: 'b', tagList: [` ${tag} `, tag] } },
    }), 201).article;
    assert.deepEqual(article.tagList, [tag]);
  });

  it('rejects a description over 1000 characters', async () => {
    const response = await post('/api/articles', { token: account.token, json: { article: { title: 't', description: 'd'.repeat(1001), body: 'b' } } });
    expectErrors(response, 422, 'description');
  });
});
