// Tag list.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { createArticle, expectArticleList, expectJson, get, registerUser, uniqueName } from './lib/client.mjs';

describe('GET /api/tags', () => {
  let tags;

  before(async () => {
    const author = await registerUser('tag');
    tags = [uniqueName('h'), uniqueName('t'), `标签_${uniqueName('u')}`];
    await createArticle(author.token, { tagList: tags });
    await createArticle(author.token, { tagList: [tags[0]] });
  });

  it('returns 200 with a tags array', async () => {
    const body = expectJson(await get('/api/tags'), 200);
    assert.deepEqual(Object.keys(body), ['tags']);
    assert.ok(Array.isArray(body.tags));
    for (const tag of body.tags) {
      assert.equal(typeof tag, 'string');
    }
  });

  it('includes newly created tags', async () => {
    const body = expectJson(await get('/api/tags'), 200);
    for (const tag of tags) {
      assert.ok(body.tags.includes(tag), `tags lacks ${tag}`);
    }
  });

  it('lists each tag once', async () => {
    const body = expectJson(await get('/api/tags'), 200);
    assert.equal(new Set(body.tags).size, body.tags.length);
  });

  it('returns a non-ASCII tag usable as filter', async () => {
    const list = expectArticleList(await get(`/api/articles?tag=${encodeURIComponent(tags[2])}`));
    assert.equal(list.articlesCount, 1);
    assert.deepEqual(list.articles[0].tagList, [...tags].sort());
  });
});
