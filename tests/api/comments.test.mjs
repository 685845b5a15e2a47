// Comments on articles: add, list and delete.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import {
  articlePath,
  createArticle,
  del,
  expectComment,
  expectErrors,
  expectJson,
  expectNoContent,
  get,
  post,
  profilePath,
  registerUser,
  uniqueName,
} from './lib/client.mjs';

// Timestamps come from the server's clock, which is this machine's clock.
const CLOCK_TOLERANCE_MS = 60_000;

function addComment(token, slug, body) {
  return post(articlePath(slug, '/comments'), { token, json: { comment: { body } } });
}

function listComments(slug, token) {
  return get(articlePath(slug, '/comments'), { token });
}

describe('POST /api/articles/:slug/comments', () => {
  let author;
  let commenter;
  let article;

  before(async () => {
    author = await registerUser('cmtau');
    commenter = await registerUser('cmt');
    article = await createArticle(author.token, {});
  });

  it('returns 201 with the comment', async () => {
    const requestedAt = Date.now();
    const body = expectJson(await addComment(commenter.token, article.slug, 'Test comment body'), 201);
    assert.deepEqual(Object.keys(body), ['comment']);
    expectComment(body.comment, {
      body: 'Test comment body',
      author: { username: commenter.username, bio: null, image: null, following: false },
    });
    const createdAt = Date.parse(body.comment.createdAt);
    assert.ok(Math.abs(createdAt - requestedAt) < CLOCK_TOLERANCE_MS, `createdAt ${body.comment.createdAt} is far from now`);
  });

  it("shows the commenter's following flag", async () => {
    expectJson(await post(profilePath(commenter.username, '/follow'), { token: author.token }), 200);
    const body = expectJson(await addComment(author.token, article.slug, 'self'), 201);
    expectComment(body.comment, { author: { username: author.username, following: false } });
    const list = expectJson(await listComments(article.slug, author.token), 200);
    const byCommenter = list.comments.find((comment) => comment.author.username === commenter.username);
    assert.ok(byCommenter, 'comment by commenter is missing');
    assert.equal(byCommenter.author.following, true);
  });

  it('rejects blank body with 422', async () => {
    expectErrors(await addComment(commenter.token, article.slug, ''), 422, 'body', "can't be blank");
  });

  it('rejects whitespace-only body with 422', async () => {
    expectErrors(await addComment(commenter.token, article.slug, '  \n\t '), 422, 'body');
  });

  it('rejects missing body with 422', async () => {
    const response = await post(articlePath(article.slug, '/comments'), { token: commenter.token, json: { comment: {} } });
    expectErrors(response, 422, 'body');
  });

  it('rejects null body with 422', async () => {
    expectErrors(await addComment(commenter.token, article.slug, null), 422, 'body');
  });

  it('rejects missing comment object with 422', async () => {
    const response = await post(articlePath(article.slug, '/comments'), { token: commenter.token, json: { body: 'x' } });
    expectErrors(response, 422);
  });

  it('rejects unknown article with 404', async () => {
    const response = await addComment(commenter.token, `unknown-slug-${uniqueName('s')}`, 'orphan');
    expectErrors(response, 404, 'article', 'not found');
  });

  it('rejects missing token with 401', async () => {
    const response = await post(articlePath(article.slug, '/comments'), { json: { comment: { body: 'x' } } });
    expectErrors(response, 401, 'token', 'is missing');
  });
});

describe('GET /api/articles/:slug/comments', () => {
  let author;
  let article;
  // Comments in creation order, oldest first.
  const created = [];

  before(async () => {
    author = await registerUser('cmtls');
    article = await createArticle(author.token, {});
    const commenter = await registerUser('cmt');
    for (const [token, text] of [[author.token, 'first'], [commenter.token, 'second'], [author.token, 'third']]) {
      created.push(expectJson(await addComment(token, article.slug, text), 201).comment);
    }
  });

  it('lists comments newest first', async () => {
    const body = expectJson(await listComments(article.slug, author.token), 200);
    assert.deepEqual(Object.keys(body), ['comments']);
    assert.deepEqual(
      body.comments.map((comment) => comment.id),
      created.map((comment) => comment.id).reverse(),
    );
    for (const comment of body.comments) {
      expectComment(comment);
    }
  });

  it('returns the stored fields', async () => {
    const body = expectJson(await listComments(article.slug, author.token), 200);
    const listed = body.comments.find((comment) => comment.id === created[1].id);
    assert.deepEqual(listed, created[1]);
  });

  it('lists comments to anonymous caller', async () => {
    const body = expectJson(await listComments(article.slug), 200);
    assert.equal(body.comments.length, 3);
    for (const comment of body.comments) {
      expectComment(comment);
      assert.equal(comment.author.following, false);
    }
  });

  it('returns empty list for article without comments', async () => {
    const other = await createArticle(author.token, {});
    assert.deepEqual(expectJson(await listComments(other.slug), 200), { comments: [] });
  });

  it('rejects unknown article with 404', async () => {
    expectErrors(await listComments(`unknown-slug-${uniqueName('s')}`), 404, 'article', 'not found');
  });
});

describe('DELETE /api/articles/:slug/comments/:id', () => {
  let author;
  let commenter;
  let article;

  before(async () => {
    author = await registerUser('cmtdl');
    commenter = await registerUser('cmt');
    article = await createArticle(author.token, {});
  });

  it('deletes own comment, leaves others', async () => {
    const first = expectJson(await addComment(commenter.token, article.slug, 'First comment'), 201).comment;
    const second = expectJson(await addComment(commenter.token, article.slug, 'Second comment'), 201).comment;
    expectNoContent(await del(articlePath(article.slug, `/comments/${first.id}`), { token: commenter.token }));
    const body = expectJson(await listComments(article.slug), 200);
    assert.deepEqual(
      body.comments.map((comment) => comment.id),
      [second.id],
    );
    assert.equal(body.comments[0].body, 'Second comment');
  });

  it('rejects already deleted comment with 404', async () => {
    const comment = expectJson(await addComment(commenter.token, article.slug, 'gone'), 201).comment;
    expectNoContent(await del(articlePath(article.slug, `/comments/${comment.id}`), { token: commenter.token }));
    const response = await del(articlePath(article.slug, `/comments/${comment.id}`), { token: commenter.token });
    expectErrors(response, 404, 'comment', 'not found');
  });

  it("rejects another user's delete with 403", async () => {
    const comment = expectJson(await addComment(commenter.token, article.slug, "A's comment"), 201).comment;
    const intruder = await registerUser('intr');
    const response = await del(articlePath(article.slug, `/comments/${comment.id}`), { token: intruder.token });
    expectErrors(response, 403, 'comment', 'forbidden');
    const body = expectJson(await listComments(article.slug), 200);
    assert.ok(body.comments.some((listed) => listed.id === comment.id), 'comment was deleted');
  });

  it('rejects unknown comment id with 404', async () => {
    const response = await del(articlePath(article.slug, '/comments/2147483647'), { token: commenter.token });
    expectErrors(response, 404, 'comment', 'not found');
  });

  it("rejects another article's comment id with 404", async () => {
    const other = await createArticle(author.token, {});
    const comment = expectJson(await addComment(commenter.token, other.slug, 'elsewhere'), 201).comment;
    const response = await del(articlePath(article.slug, `/comments/${comment.id}`), { token: commenter.token });
    expectErrors(response, 404, 'comment', 'not found');
    const body = expectJson(await listComments(other.slug), 200);
    assert.deepEqual(
      body.comments.map((listed) => listed.id),
      [comment.id],
    );
  });

  for (const id of ['abc', '-1', '1.5', '99999999999999999999']) {
    it(`rejects comment id "${id}" without 500`, async () => {
      const response = await del(articlePath(article.slug, `/comments/${id}`), { token: commenter.token });
      assert.ok([404, 422].includes(response.status), `HTTP ${response.status}: ${response.text}`);
      expectErrors(response, response.status);
    });
  }

  it('rejects unknown article with 404', async () => {
    const response = await del(articlePath(`unknown-slug-${uniqueName('s')}`, '/comments/99999'), { token: commenter.token });
    expectErrors(response, 404, 'article', 'not found');
  });

  it('rejects missing token with 401', async () => {
    expectErrors(await del(articlePath(article.slug, '/comments/1')), 401, 'token', 'is missing');
  });
});
