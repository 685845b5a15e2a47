// Article lists: filters, pagination, ordering and the feed.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import {
  articlePath,
  createArticle,
  del,
  expectArticleList,
  expectErrors,
  expectJson,
  expectNewestFirst,
  get,
  post,
  profilePath,
  registerUser,
  uniqueName,
} from './lib/client.mjs';

function slugsOf(list) {
  return list.articles.map((article) => article.slug);
}

describe('GET /api/articles', () => {
  let authorA;
  let authorB;
  let fan;
  let tag;
  // Articles of author A in creation order, oldest first.
  const articlesA = [];
  let articleB;

  before(async () => {
    authorA = await registerUser('lista');
    authorB = await registerUser('listb');
    fan = await registerUser('fan');
    tag = uniqueName('tag');
    articlesA.push(await createArticle(authorA.token, { title: 'List A one', tagList: [tag] }));
    articlesA.push(await createArticle(authorA.token, { title: 'List A two' }));
    articlesA.push(await createArticle(authorA.token, { title: 'List A three', tagList: ['other', tag] }));
    articleB = await createArticle(authorB.token, { title: 'List B one', tagList: [tag] });
    expectJson(await post(articlePath(articlesA[1].slug, '/favorite'), { token: fan.token }), 200);
    expectJson(await post(articlePath(articleB.slug, '/favorite'), { token: fan.token }), 200);
  });

  it('filters by author, newest first', async () => {
    const list = expectArticleList(await get(`/api/articles?author=${authorA.username}`));
    assert.equal(list.articlesCount, 3);
    assert.deepEqual(slugsOf(list), articlesA.map((article) => article.slug).reverse());
    for (const article of list.articles) {
      assert.equal(article.author.username, authorA.username);
    }
    expectNewestFirst(list.articles);
  });

  it('omits body from list items', async () => {
    const list = expectArticleList(await get(`/api/articles?author=${authorA.username}`));
    for (const article of list.articles) {
      assert.equal(Object.hasOwn(article, 'body'), false);
    }
  });

  it('returns list item fields', async () => {
    const list = expectArticleList(await get(`/api/articles?author=${authorB.username}`));
    assert.equal(list.articles.length, 1);
    const [item] = list.articles;
    assert.equal(item.slug, articleB.slug);
    assert.equal(item.title, articleB.title);
    assert.equal(item.description, articleB.description);
    assert.deepEqual(item.tagList, [tag]);
    assert.equal(item.createdAt, articleB.createdAt);
    assert.equal(item.favorited, false);
    assert.equal(item.favoritesCount, 1);
    assert.deepEqual(item.author, { username: authorB.username, bio: null, image: null, following: false });
  });

  it('filters by tag', async () => {
    const list = expectArticleList(await get(`/api/articles?tag=${tag}`));
    assert.equal(list.articlesCount, 3);
    assert.deepEqual(slugsOf(list), [articleB.slug, articlesA[2].slug, articlesA[0].slug]);
    for (const article of list.articles) {
      assert.ok(article.tagList.includes(tag), `${article.slug} lacks tag ${tag}`);
    }
  });

  it('returns all tags of a tag-filtered article', async () => {
    const list = expectArticleList(await get(`/api/articles?tag=${tag}&author=${authorA.username}&limit=1`));
    assert.deepEqual(list.articles[0].tagList, [tag, 'other'].sort());
  });

  it('filters by favorited username', async () => {
    const list = expectArticleList(await get(`/api/articles?favorited=${fan.username}`));
    assert.equal(list.articlesCount, 2);
    assert.deepEqual(slugsOf(list), [articleB.slug, articlesA[1].slug]);
    for (const article of list.articles) {
      assert.equal(article.favorited, false, 'anonymous caller sees favorited true');
      assert.equal(article.favoritesCount, 1);
    }
  });

  it('marks favorited articles for the caller', async () => {
    const list = expectArticleList(await get(`/api/articles?favorited=${fan.username}`, { token: fan.token }));
    assert.equal(list.articles.length, 2);
    for (const article of list.articles) {
      assert.equal(article.favorited, true);
    }
    const byAuthor = expectArticleList(await get(`/api/articles?author=${authorA.username}`, { token: fan.token }));
    const flags = byAuthor.articles.map((article) => article.favorited);
    assert.deepEqual(flags, [false, true, false]);
  });

  it('marks followed authors for the caller', async () => {
    const reader = await registerUser('rdr');
    expectJson(await post(profilePath(authorA.username, '/follow'), { token: reader.token }), 200);
    const list = expectArticleList(await get(`/api/articles?tag=${tag}`, { token: reader.token }));
    const following = list.articles.map((article) => [article.author.username, article.author.following]);
    assert.deepEqual(following, [
      [authorB.username, false],
      [authorA.username, true],
      [authorA.username, true],
    ]);
  });

  it('combines author and tag filters', async () => {
    const list = expectArticleList(await get(`/api/articles?author=${authorB.username}&tag=${tag}`));
    assert.equal(list.articlesCount, 1);
    assert.deepEqual(slugsOf(list), [articleB.slug]);
  });

  it('combines favorited and author filters', async () => {
    const list = expectArticleList(await get(`/api/articles?favorited=${fan.username}&author=${authorA.username}`));
    assert.equal(list.articlesCount, 1);
    assert.deepEqual(slugsOf(list), [articlesA[1].slug]);
  });

  for (const filter of ['author', 'tag', 'favorited']) {
    it(`returns empty list for unknown ${filter}`, async () => {
      const list = expectArticleList(await get(`/api/articles?${filter}=${uniqueName('nobody')}`));
      assert.deepEqual(list, { articles: [], articlesCount: 0 });
    });
  }

  it('pages with limit and offset', async () => {
    const newestFirst = articlesA.map((article) => article.slug).reverse();
    for (let offset = 0; offset < 3; offset += 1) {
      const list = expectArticleList(await get(`/api/articles?author=${authorA.username}&limit=1&offset=${offset}`));
      assert.equal(list.articlesCount, 3, `articlesCount at offset ${offset}`);
      assert.deepEqual(slugsOf(list), [newestFirst[offset]], `page at offset ${offset}`);
    }
    const twoPerPage = expectArticleList(await get(`/api/articles?author=${authorA.username}&limit=2&offset=1`));
    assert.deepEqual(slugsOf(twoPerPage), newestFirst.slice(1, 3));
    assert.equal(twoPerPage.articlesCount, 3);
  });

  it('returns empty page past the end', async () => {
    const list = expectArticleList(await get(`/api/articles?author=${authorA.username}&offset=3`));
    assert.deepEqual(list.articles, []);
    assert.equal(list.articlesCount, 3);
  });

  it('returns empty page for a huge offset', async () => {
    const list = expectArticleList(await get(`/api/articles?author=${authorA.username}&offset=9223372036854775807`));
    assert.deepEqual(list.articles, []);
    assert.equal(list.articlesCount, 3);
  });

  it('lists all articles newest first', async () => {
    const list = expectArticleList(await get('/api/articles?limit=50'));
    assert.ok(list.articlesCount >= 4, `articlesCount is ${list.articlesCount}`);
    assert.ok(list.articles.length <= 50);
    expectNewestFirst(list.articles);
  });

  for (const query of ['limit=abc', 'limit=-1', 'limit=0', 'limit=1.5', 'limit=99999999999999999999', 'offset=-1', 'offset=abc', 'offset=99999999999999999999']) {
    it(`rejects ${query} with 422`, async () => {
      const field = query.split('=')[0];
      expectErrors(await get(`/api/articles?${query}`), 422, field);
    });
  }
});

describe('GET /api/articles pagination defaults', () => {
  let author;
  // Slugs in creation order, oldest first.
  const slugs = [];

  before(async () => {
    author = await registerUser('page');
    for (let i = 0; i < 22; i += 1) {
      slugs.push((await createArticle(author.token, { title: `Page ${i}` })).slug);
    }
  });

  it('defaults to limit 20 and offset 0', async () => {
    const list = expectArticleList(await get(`/api/articles?author=${author.username}`));
    assert.equal(list.articlesCount, 22);
    assert.deepEqual(slugsOf(list), [...slugs].reverse().slice(0, 20));
  });

  it('returns the rest after offset 20', async () => {
    const list = expectArticleList(await get(`/api/articles?author=${author.username}&offset=20`));
    assert.equal(list.articlesCount, 22);
    assert.deepEqual(slugsOf(list), [slugs[1], slugs[0]]);
  });
});

describe('GET /api/articles/feed', () => {
  let reader;
  let celebOne;
  let celebTwo;
  let stranger;
  // Feed articles in creation order, oldest first.
  const followed = [];

  before(async () => {
    reader = await registerUser('feedm');
    celebOne = await registerUser('feedc');
    celebTwo = await registerUser('feedc');
    stranger = await registerUser('feeds');
  });

  it('returns empty feed for a new user', async () => {
    const list = expectArticleList(await get('/api/articles/feed', { token: reader.token }));
    assert.deepEqual(list, { articles: [], articlesCount: 0 });
  });

  it('lists followed authors only, newest first', async () => {
    expectJson(await post(profilePath(celebOne.username, '/follow'), { token: reader.token }), 200);
    expectJson(await post(profilePath(celebTwo.username, '/follow'), { token: reader.token }), 200);
    followed.push(await createArticle(celebOne.token, { title: 'Feed one' }));
    followed.push(await createArticle(celebTwo.token, { title: 'Feed two' }));
    await createArticle(stranger.token, { title: 'Not in feed' });
    await createArticle(reader.token, { title: 'Own article' });
    followed.push(await createArticle(celebOne.token, { title: 'Feed three' }));

    const list = expectArticleList(await get('/api/articles/feed', { token: reader.token }));
    assert.equal(list.articlesCount, 3);
    assert.deepEqual(slugsOf(list), followed.map((article) => article.slug).reverse());
    for (const article of list.articles) {
      assert.ok([celebOne.username, celebTwo.username].includes(article.author.username));
      assert.equal(article.author.following, true);
      assert.equal(Object.hasOwn(article, 'body'), false);
    }
  });

  it('pages with limit and offset', async () => {
    const newestFirst = followed.map((article) => article.slug).reverse();
    const first = expectArticleList(await get('/api/articles/feed?limit=1', { token: reader.token }));
    assert.equal(first.articlesCount, 3);
    assert.deepEqual(slugsOf(first), [newestFirst[0]]);

    const second = expectArticleList(await get('/api/articles/feed?limit=2&offset=1', { token: reader.token }));
    assert.equal(second.articlesCount, 3);
    assert.deepEqual(slugsOf(second), newestFirst.slice(1, 3));
  });

  it('shows favorited flag', async () => {
    expectJson(await post(articlePath(followed[0].slug, '/favorite'), { token: reader.token }), 200);
    const list = expectArticleList(await get('/api/articles/feed', { token: reader.token }));
    const flags = list.articles.map((article) => [article.slug, article.favorited, article.favoritesCount]);
    assert.deepEqual(flags, [
      [followed[2].slug, false, 0],
      [followed[1].slug, false, 0],
      [followed[0].slug, true, 1],
    ]);
  });

  it('drops articles after unfollow', async () => {
    expectJson(await del(profilePath(celebOne.username, '/follow'), { token: reader.token }), 200);
    const list = expectArticleList(await get('/api/articles/feed', { token: reader.token }));
    assert.equal(list.articlesCount, 1);
    assert.deepEqual(slugsOf(list), [followed[1].slug]);
  });

  it('drops deleted articles', async () => {
    const response = await del(articlePath(followed[1].slug), { token: celebTwo.token });
    assert.equal(response.status, 204);
    const list = expectArticleList(await get('/api/articles/feed', { token: reader.token }));
    assert.deepEqual(list, { articles: [], articlesCount: 0 });
  });

  it('rejects limit=0 with 422', async () => {
    expectErrors(await get('/api/articles/feed?limit=0', { token: reader.token }), 422, 'limit');
  });

  it('rejects missing token with 401', async () => {
    expectErrors(await get('/api/articles/feed'), 401, 'token', 'is missing');
  });
});
