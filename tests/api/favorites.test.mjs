// Favoriting and unfavoriting articles.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import {
  articlePath,
  createArticle,
  del,
  expectArticle,
  expectErrors,
  expectJson,
  get,
  post,
  registerUser,
  uniqueName,
} from './lib/client.mjs';

function favorite(token, slug) {
  return post(articlePath(slug, '/favorite'), { token });
}

function unfavorite(token, slug) {
  return del(articlePath(slug, '/favorite'), { token });
}

describe('POST /api/articles/:slug/favorite', () => {
  let author;
  let fan;
  let otherFan;
  let article;

  before(async () => {
    author = await registerUser('favau');
    fan = await registerUser('fav');
    otherFan = await registerUser('fav');
    article = await createArticle(author.token, { title: `Favorite Article ${uniqueName('t')}`, tagList: ['fav'] });
  });

  it('returns the article with favorited true', async () => {
    const body = expectJson(await favorite(fan.token, article.slug), 200);
    assert.deepEqual(Object.keys(body), ['article']);
    expectArticle(body.article, {
      slug: article.slug,
      title: article.title,
      description: article.description,
      body: article.body,
      tagList: ['fav'],
      createdAt: article.createdAt,
      favorited: true,
      favoritesCount: 1,
      author: { username: author.username, following: false },
    });
  });

  it('persists for the fan only', async () => {
    const mine = expectJson(await get(articlePath(article.slug), { token: fan.token }), 200).article;
    expectArticle(mine, { favorited: true, favoritesCount: 1 });
    const anonymous = expectJson(await get(articlePath(article.slug)), 200).article;
    expectArticle(anonymous, { favorited: false, favoritesCount: 1 });
    const theirs = expectJson(await get(articlePath(article.slug), { token: otherFan.token }), 200).article;
    expectArticle(theirs, { favorited: false, favoritesCount: 1 });
  });

  it('is idempotent when repeated', async () => {
    const body = expectJson(await favorite(fan.token, article.slug), 200);
    expectArticle(body.article, { favorited: true, favoritesCount: 1 });
  });

  it('counts a second fan', async () => {
    const body = expectJson(await favorite(otherFan.token, article.slug), 200);
    expectArticle(body.article, { favorited: true, favoritesCount: 2 });
  });

  it("lets the author favorite their own article", async () => {
    const own = await createArticle(author.token, {});
    const body = expectJson(await favorite(author.token, own.slug), 200);
    expectArticle(body.article, { favorited: true, favoritesCount: 1 });
  });

  it('rejects unknown slug with 404', async () => {
    const response = await favorite(fan.token, `unknown-slug-${uniqueName('s')}`);
    expectErrors(response, 404, 'article', 'not found');
  });

  it('rejects missing token with 401', async () => {
    expectErrors(await post(articlePath(article.slug, '/favorite')), 401, 'token', 'is missing');
  });
});

describe('DELETE /api/articles/:slug/favorite', () => {
  let author;
  let fan;
  let otherFan;
  let article;

  before(async () => {
    author = await registerUser('unfau');
    fan = await registerUser('unfav');
    otherFan = await registerUser('unfav');
    article = await createArticle(author.token, {});
    expectJson(await favorite(fan.token, article.slug), 200);
    expectJson(await favorite(otherFan.token, article.slug), 200);
  });

  it('returns the article with favorited false', async () => {
    const body = expectJson(await unfavorite(fan.token, article.slug), 200);
    assert.deepEqual(Object.keys(body), ['article']);
    expectArticle(body.article, {
      slug: article.slug,
      body: article.body,
      favorited: false,
      favoritesCount: 1,
      author: { username: author.username },
    });
    const fetched = expectJson(await get(articlePath(article.slug), { token: fan.token }), 200).article;
    expectArticle(fetched, { favorited: false, favoritesCount: 1 });
  });

  it('is idempotent when repeated', async () => {
    const body = expectJson(await unfavorite(fan.token, article.slug), 200);
    expectArticle(body.article, { favorited: false, favoritesCount: 1 });
  });

  it('keeps other fans', async () => {
    const fetched = expectJson(await get(articlePath(article.slug), { token: otherFan.token }), 200).article;
    expectArticle(fetched, { favorited: true, favoritesCount: 1 });
  });

  it('accepts a never-favorited article', async () => {
    const other = await createArticle(author.token, {});
    const body = expectJson(await unfavorite(fan.token, other.slug), 200);
    expectArticle(body.article, { favorited: false, favoritesCount: 0 });
  });

  it('drops the article from the favorited filter', async () => {
    const list = expectJson(await get(`/api/articles?favorited=${fan.username}`), 200);
    assert.deepEqual(list, { articles: [], articlesCount: 0 });
  });

  it('rejects unknown slug with 404', async () => {
    const response = await unfavorite(fan.token, `unknown-slug-${uniqueName('s')}`);
    expectErrors(response, 404, 'article', 'not found');
  });

  it('rejects missing token with 401', async () => {
    expectErrors(await del(articlePath(article.slug, '/favorite')), 401, 'token', 'is missing');
  });
});
