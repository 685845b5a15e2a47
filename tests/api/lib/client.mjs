// HTTP client and shape assertions shared by the API test files.
//
// The suite talks to API_BASE_URL (for example http://127.0.0.1:8000, the
// nginx front of the local stack). Only loopback hosts are accepted so a
// mistyped URL can never send test traffic to another machine.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

// ISO 8601 in UTC with exactly three fraction digits, as the API formats
// every createdAt and updatedAt.
export const TIMESTAMP_PATTERN = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export const PASSWORD = 'password123';

// Upper bound for one request, so a hung server fails a test instead of
// stalling the whole run.
const REQUEST_TIMEOUT_MS = 30_000;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function resolveBaseUrl() {
  const raw = process.env.API_BASE_URL;
  if (!raw) {
    throw new Error('API_BASE_URL is not set: run the suite through tests/api/run or export API_BASE_URL=http://127.0.0.1:PORT');
  }
  const url = new URL(raw);
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`API_BASE_URL host ${url.hostname} is not a loopback address: the suite only sends traffic to 127.0.0.1`);
  }
  return raw.replace(/\/+$/, '');
}

export const BASE_URL = resolveBaseUrl();

// Direct URL of the API process, bypassing nginx. tests/api/run sets it when
// it starts its own stack, and tests that need it skip when it is absent.
export const API_DIRECT_URL = process.env.API_DIRECT_URL ? process.env.API_DIRECT_URL.replace(/\/+$/, '') : null;

/**
 * Sends one request and returns { status, headers, text, body }.
 *
 * Options: `json` (serialized, sets Content-Type: application/json),
 * `body` (raw string or Buffer, sent as is), `token` (sent as
 * "Authorization: Token <token>"), `authorization` (raw header value),
 * `headers` (extra headers) and `baseUrl` (defaults to BASE_URL).
 * `body` in the result is the parsed JSON, or undefined when the response
 * text is empty or not JSON.
 */
export async function request(method, path, options = {}) {
  const headers = { ...(options.headers ?? {}) };
  let payload;
  if (options.json !== undefined) {
    payload = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  } else if (options.body !== undefined) {
    payload = options.body;
  }
  if (options.token !== undefined) {
    headers.authorization = `Token ${options.token}`;
  }
  if (options.authorization !== undefined) {
    headers.authorization = options.authorization;
  }

  const response = await fetch((options.baseUrl ?? BASE_URL) + path, {
    method,
    headers,
    body: payload,
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let body;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return { status: response.status, headers: response.headers, text, body };
}

/**
 * Sends one request with node:http, which keeps the request target byte for
 * byte (fetch normalizes "..", "%2e" and similar). Returns
 * { status, headers, text } with lowercase header names.
 */
export function rawRequest(method, target, { headers = {}, body, baseUrl = BASE_URL } = {}) {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let response = null;
    const chunks = [];
    const finish = () => {
      resolve({ status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') });
    };
    const outgoing = http.request({ host: url.hostname, port: url.port, method, path: target, headers, agent: false });
    outgoing.setTimeout(REQUEST_TIMEOUT_MS, () => {
      outgoing.destroy(new Error(`${method} ${target} timed out after ${REQUEST_TIMEOUT_MS} ms`));
    });
    outgoing.on('response', (incoming) => {
      response = incoming;
      incoming.on('data', (chunk) => chunks.push(chunk));
      incoming.on('end', finish);
      incoming.on('aborted', finish);
      incoming.on('error', finish);
    });
    // A server may answer early (for example 413) and close the connection
    // while the body is still being written. The write error then matters
    // only when no response has arrived.
    outgoing.on('error', (error) => {
      if (response === null) {
        reject(error);
      }
    });
    outgoing.end(body);
  });
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, options) => request('POST', path, options);
export const put = (path, options) => request('PUT', path, options);
export const del = (path, options) => request('DELETE', path, options);

/** Returns a lowercase name that is unique across runs, e.g. "fav_3fa9c2b1d0". */
export function uniqueName(prefix) {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export function sleep(milliseconds) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function describeResponse(response) {
  const text = response.text.length > 500 ? `${response.text.slice(0, 500)}...` : response.text;
  return `HTTP ${response.status}, body: ${text}`;
}

/** Asserts the status and the exact JSON Content-Type, and returns the parsed body. */
export function expectJson(response, status) {
  assert.equal(response.status, status, `expected HTTP ${status}: ${describeResponse(response)}`);
  assert.equal(response.headers.get('content-type'), JSON_CONTENT_TYPE, describeResponse(response));
  assert.notEqual(response.body, undefined, `response is not JSON: ${describeResponse(response)}`);
  return response.body;
}

/**
 * Asserts a RealWorld error response: the status, the JSON Content-Type and
 * a body of exactly {"errors": {field: [message, ...], ...}}, with the given
 * field present. When `message` is given, the field's messages must contain it.
 * Returns the `errors` object.
 */
export function expectErrors(response, status, field, message) {
  const body = expectJson(response, status);
  assert.deepEqual(Object.keys(body), ['errors'], describeResponse(response));
  const { errors } = body;
  assert.equal(typeof errors, 'object', describeResponse(response));
  assert.notEqual(errors, null, describeResponse(response));
  assert.ok(Object.keys(errors).length > 0, `errors is empty: ${describeResponse(response)}`);
  for (const [key, messages] of Object.entries(errors)) {
    assert.ok(Array.isArray(messages), `errors.${key} is not an array: ${describeResponse(response)}`);
    assert.ok(messages.length > 0, `errors.${key} is empty: ${describeResponse(response)}`);
    for (const item of messages) {
      assert.equal(typeof item, 'string', `errors.${key} has a non-string: ${describeResponse(response)}`);
      assert.ok(item.length > 0, `errors.${key} has an empty string: ${describeResponse(response)}`);
    }
  }
  if (field !== undefined) {
    assert.ok(Object.hasOwn(errors, field), `errors.${field} is missing: ${describeResponse(response)}`);
  }
  if (message !== undefined) {
    assert.ok(errors[field].includes(message), `errors.${field} lacks "${message}": ${describeResponse(response)}`);
  }
  return errors;
}

/** Asserts an empty 204 response. */
export function expectNoContent(response) {
  assert.equal(response.status, 204, describeResponse(response));
  assert.equal(response.text, '');
}

/** Asserts that a JSON object has exactly these keys, in any order. */
export function expectKeys(object, keys) {
  assert.equal(typeof object, 'object');
  assert.notEqual(object, null);
  assert.deepEqual(Object.keys(object).sort(), [...keys].sort());
}

const USER_KEYS = ['email', 'token', 'username', 'bio', 'image'];
const PROFILE_KEYS = ['username', 'bio', 'image', 'following'];
const ARTICLE_LIST_KEYS = ['slug', 'title', 'description', 'tagList', 'createdAt', 'updatedAt', 'favorited', 'favoritesCount', 'author'];
const ARTICLE_KEYS = [...ARTICLE_LIST_KEYS, 'body'];
const COMMENT_KEYS = ['id', 'createdAt', 'updatedAt', 'body', 'author'];

/** Asserts a `user` object's shape and, for each key of `expected`, its value. */
export function expectUser(user, expected = {}) {
  expectKeys(user, USER_KEYS);
  assert.equal(typeof user.token, 'string');
  assert.match(user.token, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'token is not a compact JWS');
  for (const [key, value] of Object.entries(expected)) {
    assert.deepEqual(user[key], value, `user.${key}`);
  }
}

/** Asserts a `profile` object's shape and, for each key of `expected`, its value. */
export function expectProfile(profile, expected = {}) {
  expectKeys(profile, PROFILE_KEYS);
  assert.equal(typeof profile.username, 'string');
  assert.equal(typeof profile.following, 'boolean');
  for (const [key, value] of Object.entries(expected)) {
    assert.deepEqual(profile[key], value, `profile.${key}`);
  }
}

/**
 * Asserts an article's shape: with `body` for single-article responses,
 * without it for list items (`listItem: true`). Checks each key of
 * `expected` by deep equality, and `expected.author` as a profile.
 */
export function expectArticle(article, expected = {}, { listItem = false } = {}) {
  expectKeys(article, listItem ? ARTICLE_LIST_KEYS : ARTICLE_KEYS);
  assert.equal(typeof article.slug, 'string');
  assert.ok(article.slug.length > 0, 'slug is empty');
  assert.ok(Array.isArray(article.tagList), 'tagList is not an array');
  assert.match(article.createdAt, TIMESTAMP_PATTERN);
  assert.match(article.updatedAt, TIMESTAMP_PATTERN);
  assert.equal(typeof article.favorited, 'boolean');
  assert.ok(Number.isInteger(article.favoritesCount), 'favoritesCount is not an integer');
  expectProfile(article.author);
  const { author, ...rest } = expected;
  for (const [key, value] of Object.entries(rest)) {
    assert.deepEqual(article[key], value, `article.${key}`);
  }
  if (author !== undefined) {
    expectProfile(article.author, author);
  }
}

/** Asserts a comment's shape and, for each key of `expected`, its value. */
export function expectComment(comment, expected = {}) {
  expectKeys(comment, COMMENT_KEYS);
  assert.ok(Number.isInteger(comment.id), 'comment id is not an integer');
  assert.match(comment.createdAt, TIMESTAMP_PATTERN);
  assert.match(comment.updatedAt, TIMESTAMP_PATTERN);
  assert.equal(typeof comment.body, 'string');
  expectProfile(comment.author);
  const { author, ...rest } = expected;
  for (const [key, value] of Object.entries(rest)) {
    assert.deepEqual(comment[key], value, `comment.${key}`);
  }
  if (author !== undefined) {
    expectProfile(comment.author, author);
  }
}

/** Asserts a list response {articles, articlesCount} and returns it. */
export function expectArticleList(response) {
  const body = expectJson(response, 200);
  expectKeys(body, ['articles', 'articlesCount']);
  assert.ok(Array.isArray(body.articles), 'articles is not an array');
  assert.ok(Number.isInteger(body.articlesCount), 'articlesCount is not an integer');
  for (const article of body.articles) {
    expectArticle(article, {}, { listItem: true });
  }
  return body;
}

/** Asserts that timestamps are in non-increasing order (newest first). */
export function expectNewestFirst(items) {
  for (let i = 1; i < items.length; i += 1) {
    assert.ok(
      items[i - 1].createdAt >= items[i].createdAt,
      `item ${i - 1} (${items[i - 1].createdAt}) is older than item ${i} (${items[i].createdAt})`,
    );
  }
}

/**
 * Registers a new user with a unique name and returns
 * { username, email, password, token, user }.
 */
export async function registerUser(prefix = 'user') {
  const username = uniqueName(prefix);
  const email = `${username}@example.test`;
  const response = await post('/api/users', { json: { user: { username, email, password: PASSWORD } } });
  const body = expectJson(response, 201);
  return { username, email, password: PASSWORD, token: body.user.token, user: body.user };
}

/** Creates an article as `token` and returns the article from the 201 response. */
export async function createArticle(token, fields = {}) {
  const article = {
    title: fields.title ?? `Article ${uniqueName('t')}`,
    description: fields.description ?? 'A description',
    body: fields.body ?? 'A body',
    ...fields,
  };
  const response = await post('/api/articles', { token, json: { article } });
  return expectJson(response, 201).article;
}

/** Returns the path of an article, with the slug percent-encoded as one path segment. */
export function articlePath(slug, suffix = '') {
  return `/api/articles/${encodeURIComponent(slug)}${suffix}`;
}

/** Returns the path of a profile, with the username percent-encoded as one path segment. */
export function profilePath(username, suffix = '') {
  return `/api/profiles/${encodeURIComponent(username)}${suffix}`;
}
