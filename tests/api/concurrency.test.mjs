// Concurrent writes: repeated favorites and follows count once, many users
// count exactly, and racing creates never collide.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import {
  PASSWORD,
  articlePath,
  createArticle,
  del,
  expectArticle,
  expectArticleList,
  expectJson,
  expectProfile,
  get,
  post,
  profilePath,
  put,
  registerUser,
  uniqueName,
} from './lib/client.mjs';

const SAME_USER_REQUESTS = 50;
const USER_COUNT = 20;

function times(count, makeRequest) {
  return Promise.all(Array.from({ length: count }, (_, index) => makeRequest(index)));
}

function statusesOf(responses) {
  return responses.map((response) => response.status);
}

describe('concurrent favorites', () => {
  let author;
  let fans;

  before(async () => {
    author = await registerUser('cfa');
    fans = await times(USER_COUNT, () => registerUser('cfan'));
  });

  it(`${SAME_USER_REQUESTS} favorites by one user count once`, async () => {
    const article = await createArticle(author.token, {});
    const responses = await times(SAME_USER_REQUESTS, () => post(articlePath(article.slug, '/favorite'), { token: fans[0].token }));
    assert.deepEqual(statusesOf(responses), Array(SAME_USER_REQUESTS).fill(200));
    for (const response of responses) {
      expectArticle(expectJson(response, 200).article, { favorited: true, favoritesCount: 1 });
    }
    const fetched = expectJson(await get(articlePath(article.slug), { token: fans[0].token }), 200).article;
    expectArticle(fetched, { favorited: true, favoritesCount: 1 });
  });

  it(`${SAME_USER_REQUESTS} unfavorites by one user count once`, async () => {
    const article = await createArticle(author.token, {});
    expectJson(await post(articlePath(article.slug, '/favorite'), { token: fans[0].token }), 200);
    expectJson(await post(articlePath(article.slug, '/favorite'), { token: fans[1].token }), 200);
    const responses = await times(SAME_USER_REQUESTS, () => del(articlePath(article.slug, '/favorite'), { token: fans[0].token }));
    assert.deepEqual(statusesOf(responses), Array(SAME_USER_REQUESTS).fill(200));
    for (const response of responses) {
      expectArticle(expectJson(response, 200).article, { favorited: false, favoritesCount: 1 });
    }
  });

  it(`favorites by ${USER_COUNT} users count exactly`, async () => {
    const article = await createArticle(author.token, {});
    const responses = await Promise.all(fans.map((fan) => post(articlePath(article.slug, '/favorite'), { token: fan.token })));
    assert.deepEqual(statusesOf(responses), Array(USER_COUNT).fill(200));
    const counts = responses.map((response) => response.body.article.favoritesCount);
    for (const count of counts) {
      assert.ok(count >= 1, `favoritesCount ${count} is below 1`);
      assert.ok(count <= USER_COUNT, `favoritesCount ${count} is above ${USER_COUNT}`);
    }
    const fetched = expectJson(await get(articlePath(article.slug)), 200).article;
    assert.equal(fetched.favoritesCount, USER_COUNT);
  });

  it('mixed favorites and unfavorites count exactly', async () => {
    const article = await createArticle(author.token, {});
    await Promise.all(fans.map((fan) => post(articlePath(article.slug, '/favorite'), { token: fan.token })));
    // Half the fans unfavorite while the other half favorite again.
    const responses = await Promise.all(
      fans.map((fan, index) =>
        index % 2 === 0
          ? del(articlePath(article.slug, '/favorite'), { token: fan.token })
          : post(articlePath(article.slug, '/favorite'), { token: fan.token }),
      ),
    );
    assert.deepEqual(statusesOf(responses), Array(USER_COUNT).fill(200));
    const fetched = expectJson(await get(articlePath(article.slug)), 200).article;
    assert.equal(fetched.favoritesCount, USER_COUNT / 2);
    const list = expectArticleList(await get(`/api/articles?favorited=${fans[1].username}&author=${author.username}`));
    assert.ok(list.articles.some((item) => item.slug === article.slug && item.favoritesCount === USER_COUNT / 2));
  });
});

describe('concurrent follows', () => {
  let celeb;
  let celebArticle;
  let followers;

  before(async () => {
    celeb = await registerUser('cceleb');
    celebArticle = await createArticle(celeb.token, {});
    followers = await times(USER_COUNT, () => registerUser('cfol'));
  });

  it(`${SAME_USER_REQUESTS} follows by one user count once`, async () => {
    const follower = followers[0];
    const responses = await times(SAME_USER_REQUESTS, () => post(profilePath(celeb.username, '/follow'), { token: follower.token }));
    assert.deepEqual(statusesOf(responses), Array(SAME_USER_REQUESTS).fill(200));
    for (const response of responses) {
      expectProfile(expectJson(response, 200).profile, { username: celeb.username, following: true });
    }
    // A duplicated follow row would repeat the article in the feed.
    const feed = expectArticleList(await get('/api/articles/feed', { token: follower.token }));
    assert.equal(feed.articlesCount, 1);
    assert.deepEqual(feed.articles.map((article) => article.slug), [celebArticle.slug]);
  });

  it(`${SAME_USER_REQUESTS} unfollows by one user end unfollowed`, async () => {
    const follower = followers[0];
    const responses = await times(SAME_USER_REQUESTS, () => del(profilePath(celeb.username, '/follow'), { token: follower.token }));
    assert.deepEqual(statusesOf(responses), Array(SAME_USER_REQUESTS).fill(200));
    for (const response of responses) {
      expectProfile(expectJson(response, 200).profile, { following: false });
    }
    const feed = expectArticleList(await get('/api/articles/feed', { token: follower.token }));
    assert.deepEqual(feed, { articles: [], articlesCount: 0 });
  });

  it(`follows by ${USER_COUNT} users all take effect`, async () => {
    const responses = await Promise.all(followers.map((follower) => post(profilePath(celeb.username, '/follow'), { token: follower.token })));
    assert.deepEqual(statusesOf(responses), Array(USER_COUNT).fill(200));
    for (const follower of followers) {
      const profile = expectJson(await get(profilePath(celeb.username), { token: follower.token }), 200).profile;
      assert.equal(profile.following, true, `${follower.username} is not following`);
      const feed = expectArticleList(await get('/api/articles/feed', { token: follower.token }));
      assert.equal(feed.articlesCount, 1, `${follower.username} feed count`);
    }
  });
});

describe('concurrent creates', () => {
  it('same title in parallel gives distinct slugs', async () => {
    const author = await registerUser('cslug');
    const title = `Racing Title ${uniqueName('t')}`;
    const responses = await times(10, (index) =>
      post('/api/articles', { token: author.token, json: { article: { title, description: 'd', body: `body ${index}` } } }),
    );
    assert.deepEqual(statusesOf(responses), Array(10).fill(201));
    const slugs = responses.map((response) => response.body.article.slug);
    assert.equal(new Set(slugs).size, 10, `duplicate slugs: ${slugs}`);
    const list = expectArticleList(await get(`/api/articles?author=${author.username}`));
    assert.equal(list.articlesCount, 10);
  });

  it('same new tag in parallel is stored once', async () => {
    const author = await registerUser('ctag');
    const tag = uniqueName('racetag');
    const responses = await times(10, () => post('/api/articles', { token: author.token, json: { article: { title: 'Tagged', description: 'd', body: 'b', tagList: [tag, `${tag}_b`] } } }));
    assert.deepEqual(statusesOf(responses), Array(10).fill(201));
    for (const response of responses) {
      assert.deepEqual(response.body.article.tagList, [tag, `${tag}_b`]);
    }
    const tags = expectJson(await get('/api/tags'), 200).tags;
    assert.equal(tags.filter((name) => name === tag).length, 1);
    const list = expectArticleList(await get(`/api/articles?tag=${tag}`));
    assert.equal(list.articlesCount, 10);
  });

  it('same new title on update gives distinct slugs', async () => {
    const author = await registerUser('cupd');
    const articles = await times(6, () => createArticle(author.token, {}));
    const title = `Renamed Together ${uniqueName('t')}`;
    const responses = await Promise.all(articles.map((article) => put(articlePath(article.slug), { token: author.token, json: { article: { title } } })));
    assert.deepEqual(statusesOf(responses), Array(6).fill(200));
    const slugs = responses.map((response) => response.body.article.slug);
    assert.equal(new Set(slugs).size, 6, `duplicate slugs: ${slugs}`);
    for (const slug of slugs) {
      assert.equal(expectJson(await get(articlePath(slug)), 200).article.title, title);
    }
  });

  it('same username change in parallel succeeds once', async () => {
    const users = await times(6, () => registerUser('cren'));
    const username = uniqueName('wanted');
    const responses = await Promise.all(users.map((user) => put('/api/user', { token: user.token, json: { user: { username } } })));
    const statuses = statusesOf(responses).sort();
    assert.deepEqual(statuses, [200, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((item) => item.status === 409)) {
      assert.deepEqual(response.body, { errors: { username: ['has already been taken'] } });
    }
  });

  it('parallel deletes of one article succeed once', async () => {
    const author = await registerUser('cdel');
    const article = await createArticle(author.token, {});
    const responses = await times(10, () => del(articlePath(article.slug), { token: author.token }));
    assert.deepEqual(statusesOf(responses).sort(), [204, 404, 404, 404, 404, 404, 404, 404, 404, 404]);
  });

  it('parallel deletes of one comment succeed once', async () => {
    const author = await registerUser('cdel');
    const article = await createArticle(author.token, {});
    const comment = expectJson(await post(articlePath(article.slug, '/comments'), { token: author.token, json: { comment: { body: 'x' } } }), 201).comment;
    const responses = await times(10, () => del(articlePath(article.slug, `/comments/${comment.id}`), { token: author.token }));
    assert.deepEqual(statusesOf(responses).sort(), [204, 404, 404, 404, 404, 404, 404, 404, 404, 404]);
  });

  it('favorites racing a delete never fail with 500', async () => {
    const author = await registerUser('cdel');
    const fans = await times(5, () => registerUser('cdfan'));
    const article = await createArticle(author.token, {});
    const responses = await Promise.all([
      ...fans.map((fan) => post(articlePath(article.slug, '/favorite'), { token: fan.token })),
      del(articlePath(article.slug), { token: author.token }),
      ...fans.map((fan) => post(articlePath(article.slug, '/comments'), { token: fan.token, json: { comment: { body: 'late' } } })),
    ]);
    for (const response of responses) {
      assert.ok([200, 201, 204, 404].includes(response.status), `HTTP ${response.status}: ${response.text.slice(0, 200)}`);
    }
  });

  it('same username in parallel registers once', async () => {
    const username = uniqueName('race');
    const responses = await times(8, (index) =>
      post('/api/users', { json: { user: { username, email: `${username}.${index}@example.test`, password: PASSWORD } } }),
    );
    const statuses = statusesOf(responses).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((item) => item.status === 409)) {
      assert.deepEqual(response.body, { errors: { username: ['has already been taken'] } });
    }
  });

  it('same email in parallel registers once', async () => {
    const email = `${uniqueName('race')}@example.test`;
    const responses = await times(8, () => post('/api/users', { json: { user: { username: uniqueName('race'), email, password: PASSWORD } } }));
    const statuses = statusesOf(responses).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((item) => item.status === 409)) {
      assert.deepEqual(response.body, { errors: { email: ['has already been taken'] } });
    }
  });
});
