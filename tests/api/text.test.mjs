// Text fidelity: quotes, SQL fragments, emoji, right-to-left and long text
// are stored and returned verbatim, and non-ASCII titles yield usable slugs.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import {
  articlePath,
  createArticle,
  del,
  expectArticleList,
  expectJson,
  expectNoContent,
  get,
  post,
  put,
  registerUser,
  request,
  uniqueName,
} from './lib/client.mjs';

const SAMPLES = [
  ['double and single quotes', `He said "hello" and 'goodbye' \`tick\``],
  ['backslashes and escapes', 'C:\\path\\to\\file \\n is not a newline, \\u0041 is not A'],
  ['SQL fragment', "'; DROP TABLE users; --"],
  ['SQL tautology', "' OR '1'='1' /* comment */ ; SELECT pg_sleep(0);"],
  ['HTML and script', '<script>alert("x")</script><b onclick="x()">bold</b> &amp; &lt;'],
  ['emoji', '👩‍💻 writes 🎉🇫🇷 with skin tone 👍🏽 and ZWJ 👨‍👩‍👧'],
  ['right-to-left text', 'مرحبا بالعالم — שלום עולם (mixed with English) \u200F'],
  ['control characters', 'line one\nline two\r\n\ttabbed\u0007bell\u001b[0m'],
  ['percent and LIKE wildcards', '100% of _under_scores and %25 encoded'],
  ['non-BMP and combining marks', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 e\u0301 vs é, 𠜎𠜱'],
];

// About 10 kB of mixed one-, two-, three- and four-byte UTF-8.
const LONG_TEXT = 'Long body ä 漢 🎉 — '.repeat(420);

describe('text fidelity', () => {
  let author;

  before(async () => {
    author = await registerUser('text');
  });

  for (const [name, text] of SAMPLES) {
    it(`stores article with ${name} verbatim`, async () => {
      const title = `${text} ${uniqueName('t')}`;
      const created = await createArticle(author.token, { title, description: text, body: text });
      assert.equal(created.title, title);
      assert.equal(created.description, text);
      assert.equal(created.body, text);

      const fetched = expectJson(await get(articlePath(created.slug)), 200).article;
      assert.equal(fetched.title, title);
      assert.equal(fetched.description, text);
      assert.equal(fetched.body, text);
    });

    it(`stores comment with ${name} verbatim`, async () => {
      const article = await createArticle(author.token, {});
      const response = await post(articlePath(article.slug, '/comments'), { token: author.token, json: { comment: { body: text } } });
      assert.equal(expectJson(response, 201).comment.body, text);
      const list = expectJson(await get(articlePath(article.slug, '/comments')), 200);
      assert.equal(list.comments[0].body, text);
    });

    it(`stores bio with ${name} verbatim`, async () => {
      const user = await registerUser('bio');
      const response = await put('/api/user', { token: user.token, json: { user: { bio: text } } });
      assert.equal(expectJson(response, 200).user.bio, text);
      const profile = expectJson(await get(`/api/profiles/${user.username}`), 200).profile;
      assert.equal(profile.bio, text);
    });
  }

  it('stores a 10 kB body verbatim', async () => {
    assert.ok(Buffer.byteLength(LONG_TEXT) > 10_000);
    const created = await createArticle(author.token, { body: LONG_TEXT });
    assert.equal(created.body, LONG_TEXT);
    const fetched = expectJson(await get(articlePath(created.slug)), 200).article;
    assert.equal(fetched.body, LONG_TEXT);
  });

  it('stores a 10 kB comment verbatim', async () => {
    const article = await createArticle(author.token, {});
    const response = await post(articlePath(article.slug, '/comments'), { token: author.token, json: { comment: { body: LONG_TEXT } } });
    assert.equal(expectJson(response, 201).comment.body, LONG_TEXT);
  });

  it('decodes JSON escape sequences', async () => {
    const article = await createArticle(author.token, {});
    const raw = '{"comment": {"body": "caf\\u00e9 \\ud83d\\ude00 tab\\tquote\\" slash\\/ nl\\n"}}';
    const response = await request('POST', articlePath(article.slug, '/comments'), {
      token: author.token,
      body: raw,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(expectJson(response, 201).comment.body, 'café 😀 tab\tquote" slash/ nl\n');
  });

  it('keeps leading and trailing spaces in body', async () => {
    const created = await createArticle(author.token, { body: '  indented\n\n' });
    const fetched = expectJson(await get(articlePath(created.slug)), 200).article;
    assert.equal(fetched.body, '  indented\n\n');
  });

  it('stores tags with quotes and wildcards verbatim', async () => {
    const prefix = uniqueName('q');
    const tags = [`${prefix}'s "tag"`, `${prefix}_100%`, `${prefix} spaced`];
    const created = await createArticle(author.token, { tagList: tags });
    assert.deepEqual(created.tagList, [...tags].sort());
    for (const tag of tags) {
      const list = expectArticleList(await get(`/api/articles?tag=${encodeURIComponent(tag)}`));
      assert.deepEqual(list.articles.map((item) => item.slug), [created.slug], `filter by ${tag}`);
    }
  });

  it('treats filter wildcards literally', async () => {
    const prefix = uniqueName('w');
    await createArticle(author.token, { tagList: [`${prefix}abc`] });
    for (const pattern of [`${prefix}%`, `${prefix}___`, `${prefix}.*`]) {
      const list = expectArticleList(await get(`/api/articles?tag=${encodeURIComponent(pattern)}`));
      assert.deepEqual(list, { articles: [], articlesCount: 0 }, `pattern ${pattern} matched`);
    }
    const byAuthor = expectArticleList(await get(`/api/articles?author=${encodeURIComponent(`${author.username.slice(0, 4)}%`)}`));
    assert.equal(byAuthor.articlesCount, 0);
  });

  it('treats SQL in filters as plain text', async () => {
    for (const filter of ['tag', 'author', 'favorited']) {
      const list = expectArticleList(await get(`/api/articles?${filter}=${encodeURIComponent("x' OR '1'='1")}`));
      assert.deepEqual(list, { articles: [], articlesCount: 0 }, `${filter} filter`);
    }
  });
});

describe('slugs from non-ASCII titles', () => {
  let author;

  before(async () => {
    author = await registerUser('slug');
  });

  const titles = [
    ['Chinese', '如何训练你的龙'],
    ['Arabic', 'كيف تدرب تنينك'],
    ['emoji', '🐉🔥🐉'],
    ['mixed scripts', 'Ünïcödé Straße — 東京 🗼'],
    ['slash and question mark', 'a/b?c#d%20e'],
  ];

  for (const [name, baseTitle] of titles) {
    it(`${name} title yields a working slug`, async () => {
      const title = `${baseTitle} ${uniqueName('s')}`;
      const created = await createArticle(author.token, { title });
      assert.ok(created.slug.length > 0, 'slug is empty');
      assert.equal(created.slug.includes('/'), false, `slug ${created.slug} contains a slash`);

      const fetched = expectJson(await get(articlePath(created.slug)), 200).article;
      assert.equal(fetched.slug, created.slug);
      assert.equal(fetched.title, title);

      const updated = expectJson(await put(articlePath(created.slug), { token: author.token, json: { article: { body: 'edited' } } }), 200);
      assert.equal(updated.article.slug, created.slug);

      const comment = await post(articlePath(created.slug, '/comments'), { token: author.token, json: { comment: { body: 'hi' } } });
      expectJson(comment, 201);
      expectJson(await post(articlePath(created.slug, '/favorite'), { token: author.token }), 200);

      expectNoContent(await del(articlePath(created.slug), { token: author.token }));
      assert.equal((await get(articlePath(created.slug))).status, 404);
    });
  }

  it('gives same non-ASCII titles distinct slugs', async () => {
    const title = `龙 ${uniqueName('d')}`;
    const first = await createArticle(author.token, { title });
    const second = await createArticle(author.token, { title });
    assert.notEqual(first.slug, second.slug);
    assert.equal(expectJson(await get(articlePath(second.slug)), 200).article.slug, second.slug);
  });
});
