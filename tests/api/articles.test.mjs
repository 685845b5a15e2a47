// Single-article endpoints: create, read, update and delete.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import {
  articlePath,
  createArticle,
  del,
  expectArticle,
  expectErrors,
  expectJson,
  expectNoContent,
  get,
  post,
  profilePath,
  put,
  registerUser,
  sleep,
  uniqueName,
} from './lib/client.mjs';

// Timestamps come from the server's clock, which is this machine's clock.
const CLOCK_TOLERANCE_MS = 60_000;

function createRequest(token, article) {
  return post('/api/articles', { token, json: { article } });
}

function updateRequest(token, slug, article) {
  return put(articlePath(slug), { token, json: { article } });
}

describe('POST /api/articles', () => {
  let author;

  before(async () => {
    author = await registerUser('art');
  });

  it('returns 201 with the article', async () => {
    const title = `Test Article ${uniqueName('t')}`;
    const requestedAt = Date.now();
    const response = await createRequest(author.token, {
      title,
      description: 'Test description',
      body: 'Test body content',
      tagList: ['dragons', 'training'],
    });
    const body = expectJson(response, 201);
    assert.deepEqual(Object.keys(body), ['article']);
    expectArticle(body.article, {
      title,
      description: 'Test description',
      body: 'Test body content',
      tagList: ['dragons', 'training'],
      favorited: false,
      favoritesCount: 0,
      author: { username: author.username, bio: null, image: null, following: false },
    });
    const createdAt = Date.parse(body.article.createdAt);
    assert.ok(Math.abs(createdAt - requestedAt) < CLOCK_TOLERANCE_MS, `createdAt ${body.article.createdAt} is far from now`);
  });

  it('derives slug from the title', async () => {
    const suffix = uniqueName('x').replace('_', '');
    const article = await createArticle(author.token, { title: `How to Train Your Dragon ${suffix}` });
    assert.ok(article.slug.startsWith(`how-to-train-your-dragon-${suffix}`), `slug is ${article.slug}`);
    assert.match(article.slug, /^[a-z0-9-]+$/);
  });

  it('defaults missing tagList to empty', async () => {
    const article = await createArticle(author.token, {});
    assert.deepEqual(article.tagList, []);
  });

  it('returns tagList sorted', async () => {
    const tag = uniqueName('tag');
    const article = await createArticle(author.token, { tagList: [`${tag}_zeta`, `${tag}_alpha`, `${tag}_mid`] });
    assert.deepEqual(article.tagList, [`${tag}_alpha`, `${tag}_mid`, `${tag}_zeta`]);
    const fetched = expectJson(await get(articlePath(article.slug)), 200).article;
    assert.deepEqual(fetched.tagList, [`${tag}_alpha`, `${tag}_mid`, `${tag}_zeta`]);
  });

  it('removes duplicate tags', async () => {
    const tag = uniqueName('tag');
    const article = await createArticle(author.token, { tagList: [tag, tag, `${tag}_b`] });
    assert.deepEqual(article.tagList, [tag, `${tag}_b`]);
  });

  it('gives duplicate titles distinct slugs', async () => {
    const title = `Dup Title ${uniqueName('t')}`;
    const first = await createArticle(author.token, { title, description: 'first', body: 'first' });
    const second = await createArticle(author.token, { title, description: 'second', body: 'second' });
    assert.notEqual(first.slug, second.slug);
    const fetchedFirst = expectJson(await get(articlePath(first.slug)), 200).article;
    const fetchedSecond = expectJson(await get(articlePath(second.slug)), 200).article;
    assert.equal(fetchedFirst.body, 'first');
    assert.equal(fetchedSecond.body, 'second');
  });

  it('gives title "Feed" a reachable slug', async () => {
    // GET /api/articles/feed is the feed, so an article must never get the
    // slug "feed".
    const article = await createArticle(author.token, { title: 'Feed', body: 'feed body' });
    const fetched = expectJson(await get(articlePath(article.slug)), 200).article;
    assert.equal(fetched.body, 'feed body');
  });

  it('creates a working slug for a punctuation-only title', async () => {
    const article = await createArticle(author.token, { title: '?!... ***' });
    assert.ok(article.slug.length > 0);
    const fetched = expectJson(await get(articlePath(article.slug)), 200).article;
    assert.equal(fetched.title, '?!... ***');
  });

  for (const field of ['title', 'description', 'body']) {
    it(`rejects blank ${field} with 422`, async () => {
      const article = { title: `Err ${uniqueName('t')}`, description: 'test', body: 'test', [field]: '' };
      expectErrors(await createRequest(author.token, article), 422, field, "can't be blank");
    });

    it(`rejects missing ${field} with 422`, async () => {
      const article = { title: `Err ${uniqueName('t')}`, description: 'test', body: 'test' };
      delete article[field];
      expectErrors(await createRequest(author.token, article), 422, field);
    });

    it(`rejects null ${field} with 422`, async () => {
      const article = { title: `Err ${uniqueName('t')}`, description: 'test', body: 'test', [field]: null };
      expectErrors(await createRequest(author.token, article), 422, field);
    });
  }

  it('rejects whitespace-only title with 422', async () => {
    const response = await createRequest(author.token, { title: '   ', description: 'd', body: 'b' });
    expectErrors(response, 422, 'title');
  });
});

describe('GET /api/articles/:slug', () => {
  let author;
  let article;

  before(async () => {
    author = await registerUser('get');
    article = await createArticle(author.token, {
      title: `Readable ${uniqueName('t')}`,
      description: 'desc',
      body: 'full body',
      tagList: ['b', 'a'],
    });
  });

  it('returns the article to anonymous caller', async () => {
    const body = expectJson(await get(articlePath(article.slug)), 200);
    assert.deepEqual(Object.keys(body), ['article']);
    expectArticle(body.article, {
      slug: article.slug,
      title: article.title,
      description: 'desc',
      body: 'full body',
      tagList: ['a', 'b'],
      createdAt: article.createdAt,
      updatedAt: article.updatedAt,
      favorited: false,
      favoritesCount: 0,
      author: { username: author.username, bio: null, image: null, following: false },
    });
  });

  it("shows follower's following flag", async () => {
    const reader = await registerUser('rdr');
    expectJson(await post(profilePath(author.username, '/follow'), { token: reader.token }), 200);
    const body = expectJson(await get(articlePath(article.slug), { token: reader.token }), 200);
    expectArticle(body.article, { author: { username: author.username, following: true } });
  });

  it('rejects unknown slug with 404', async () => {
    expectErrors(await get(articlePath(`unknown-slug-${uniqueName('s')}`)), 404, 'article', 'not found');
  });
});

describe('PUT /api/articles/:slug', () => {
  let author;
  let intruder;

  before(async () => {
    author = await registerUser('put');
    intruder = await registerUser('intr');
  });

  it('updates body and keeps other fields', async () => {
    const article = await createArticle(author.token, { description: 'keep me', tagList: ['t2', 't1'] });
    await sleep(5);
    const body = expectJson(await updateRequest(author.token, article.slug, { body: 'Updated body content' }), 200);
    assert.deepEqual(Object.keys(body), ['article']);
    expectArticle(body.article, {
      slug: article.slug,
      title: article.title,
      description: 'keep me',
      body: 'Updated body content',
      tagList: ['t1', 't2'],
      createdAt: article.createdAt,
      author: { username: author.username },
    });
    assert.ok(body.article.updatedAt > article.updatedAt, `updatedAt ${body.article.updatedAt} did not advance`);

    const fetched = expectJson(await get(articlePath(article.slug)), 200).article;
    assert.deepEqual(fetched, body.article);
  });

  it('updates description', async () => {
    const article = await createArticle(author.token, {});
    const body = expectJson(await updateRequest(author.token, article.slug, { description: 'new description' }), 200);
    expectArticle(body.article, { slug: article.slug, description: 'new description', body: article.body });
  });

  it('new title changes slug, old slug 404s', async () => {
    const article = await createArticle(author.token, { title: `Old Title ${uniqueName('t')}` });
    const newTitle = `New Title ${uniqueName('t')}`;
    const body = expectJson(await updateRequest(author.token, article.slug, { title: newTitle }), 200);
    expectArticle(body.article, { title: newTitle, body: article.body, createdAt: article.createdAt });
    assert.notEqual(body.article.slug, article.slug);
    assert.ok(body.article.slug.startsWith('new-title-'), `slug is ${body.article.slug}`);

    const fetched = expectJson(await get(articlePath(body.article.slug)), 200).article;
    assert.equal(fetched.title, newTitle);
    expectErrors(await get(articlePath(article.slug)), 404, 'article', 'not found');
  });

  it('keeps tags when tagList is absent', async () => {
    const article = await createArticle(author.token, { tagList: ['keep_a', 'keep_b'] });
    const body = expectJson(await updateRequest(author.token, article.slug, { body: 'Body without touching tags' }), 200);
    assert.deepEqual(body.article.tagList, ['keep_a', 'keep_b']);
  });

  it('clears tags with empty tagList', async () => {
    const article = await createArticle(author.token, { tagList: ['gone_a', 'gone_b'] });
    const body = expectJson(await updateRequest(author.token, article.slug, { tagList: [] }), 200);
    assert.deepEqual(body.article.tagList, []);
    const fetched = expectJson(await get(articlePath(article.slug)), 200).article;
    assert.deepEqual(fetched.tagList, []);
  });

  it('replaces tags with a new tagList', async () => {
    const article = await createArticle(author.token, { tagList: ['old_a', 'old_b'] });
    const body = expectJson(await updateRequest(author.token, article.slug, { tagList: ['new_z', 'old_a', 'new_c'] }), 200);
    assert.deepEqual(body.article.tagList, ['new_c', 'new_z', 'old_a']);
    const fetched = expectJson(await get(articlePath(article.slug)), 200).article;
    assert.deepEqual(fetched.tagList, ['new_c', 'new_z', 'old_a']);
  });

  it('rejects null tagList with 422', async () => {
    const article = await createArticle(author.token, { tagList: ['stay'] });
    expectErrors(await updateRequest(author.token, article.slug, { tagList: null }), 422, 'tagList');
    const fetched = expectJson(await get(articlePath(article.slug)), 200).article;
    assert.deepEqual(fetched.tagList, ['stay']);
  });

  for (const field of ['title', 'description', 'body']) {
    it(`rejects blank ${field} with 422`, async () => {
      const article = await createArticle(author.token, {});
      expectErrors(await updateRequest(author.token, article.slug, { [field]: '' }), 422, field, "can't be blank");
    });

    it(`rejects null ${field} with 422`, async () => {
      const article = await createArticle(author.token, {});
      expectErrors(await updateRequest(author.token, article.slug, { [field]: null }), 422, field);
    });
  }

  it("rejects another user's update with 403", async () => {
    const article = await createArticle(author.token, { body: 'original' });
    const response = await updateRequest(intruder.token, article.slug, { body: 'hijacked' });
    expectErrors(response, 403, 'article', 'forbidden');
    const fetched = expectJson(await get(articlePath(article.slug)), 200).article;
    assert.equal(fetched.body, 'original');
  });

  it('rejects unknown slug with 404', async () => {
    const response = await updateRequest(author.token, `unknown-slug-${uniqueName('s')}`, { body: 'test' });
    expectErrors(response, 404, 'article', 'not found');
  });
});

describe('DELETE /api/articles/:slug', () => {
  let author;
  let intruder;

  before(async () => {
    author = await registerUser('del');
    intruder = await registerUser('intr');
  });

  it('returns 204, then the article 404s', async () => {
    const article = await createArticle(author.token, {});
    expectNoContent(await del(articlePath(article.slug), { token: author.token }));
    expectErrors(await get(articlePath(article.slug)), 404, 'article', 'not found');
    expectErrors(await del(articlePath(article.slug), { token: author.token }), 404, 'article', 'not found');
  });

  it('deletes an article with tags, comments and favorites', async () => {
    const article = await createArticle(author.token, { tagList: [uniqueName('deltag')] });
    expectJson(await post(articlePath(article.slug, '/comments'), { token: intruder.token, json: { comment: { body: 'hi' } } }), 201);
    expectJson(await post(articlePath(article.slug, '/favorite'), { token: intruder.token }), 200);

    expectNoContent(await del(articlePath(article.slug), { token: author.token }));
    expectErrors(await get(articlePath(article.slug)), 404, 'article', 'not found');
    expectErrors(await get(articlePath(article.slug, '/comments')), 404, 'article', 'not found');

    const favorites = expectJson(await get(`/api/articles?favorited=${intruder.username}`), 200);
    assert.equal(favorites.articlesCount, 0);
  });

  it("rejects another user's delete with 403", async () => {
    const article = await createArticle(author.token, {});
    expectErrors(await del(articlePath(article.slug), { token: intruder.token }), 403, 'article', 'forbidden');
    expectJson(await get(articlePath(article.slug)), 200);
  });

  it('rejects unknown slug with 404', async () => {
    const response = await del(articlePath(`unknown-slug-${uniqueName('s')}`), { token: author.token });
    expectErrors(response, 404, 'article', 'not found');
  });
});
