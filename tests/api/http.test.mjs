// HTTP-level behaviour through nginx: unknown paths, wrong methods, CORS
// and the request body limit.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { expectErrors, get, rawRequest, registerUser, request } from './lib/client.mjs';

const ORIGIN = 'http://app.example.test';
const MIB = 1024 * 1024;

function allowedMethods(response) {
  const allow = response.headers.get('allow') ?? '';
  return allow.split(',').map((method) => method.trim().toUpperCase()).filter((method) => method.length > 0);
}

describe('unknown paths', () => {
  for (const path of ['/api/nope', '/api/articles/some-slug/unknown', '/api/users/login/extra', '/api/profiles']) {
    it(`${path} returns 404 JSON`, async () => {
      expectErrors(await get(path), 404);
    });
  }
});

describe('wrong methods', () => {
  const cases = [
    ['DELETE', '/api/tags', ['GET']],
    ['PATCH', '/api/user', ['GET', 'PUT']],
    ['GET', '/api/users/login', ['POST']],
    ['GET', '/api/users', ['POST']],
    ['PUT', '/api/articles', ['GET', 'POST']],
    ['PATCH', '/api/articles/some-slug', ['GET', 'PUT', 'DELETE']],
    ['GET', '/api/articles/some-slug/favorite', ['POST', 'DELETE']],
    ['PUT', '/api/articles/some-slug/comments', ['GET', 'POST']],
    ['GET', '/api/profiles/someone/follow', ['POST', 'DELETE']],
    ['POST', '/api/articles/feed', ['GET']],
  ];
  for (const [method, path, expected] of cases) {
    it(`${method} ${path} returns 405 with Allow`, async () => {
      const response = await request(method, path);
      expectErrors(response, 405);
      const allowed = allowedMethods(response);
      for (const allowedMethod of expected) {
        assert.ok(allowed.includes(allowedMethod), `Allow "${response.headers.get('allow')}" lacks ${allowedMethod}`);
      }
      assert.equal(allowed.includes(method), false, `Allow "${response.headers.get('allow')}" contains ${method}`);
    });
  }
});

describe('CORS', () => {
  it('answers preflight with Access-Control-Allow-*', async () => {
    const response = await request('OPTIONS', '/api/articles', {
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    assert.ok([200, 204].includes(response.status), `preflight returned HTTP ${response.status}`);
    const allowOrigin = response.headers.get('access-control-allow-origin');
    assert.ok(allowOrigin === '*' || allowOrigin === ORIGIN, `Access-Control-Allow-Origin is ${allowOrigin}`);

    const methods = (response.headers.get('access-control-allow-methods') ?? '').toUpperCase();
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      assert.ok(methods.includes(method), `Access-Control-Allow-Methods "${methods}" lacks ${method}`);
    }
    // A "*" wildcard does not cover Authorization, so it must be listed.
    const allowHeaders = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    assert.ok(allowHeaders.includes('authorization'), `Access-Control-Allow-Headers "${allowHeaders}" lacks authorization`);
    assert.ok(allowHeaders.includes('content-type') || allowHeaders.includes('*'), `Access-Control-Allow-Headers "${allowHeaders}" lacks content-type`);
  });

  it('answers preflight for a slug path', async () => {
    const response = await request('OPTIONS', '/api/articles/some-slug/comments/1', {
      headers: { origin: ORIGIN, 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'authorization' },
    });
    assert.ok([200, 204].includes(response.status), `preflight returned HTTP ${response.status}`);
    assert.ok(response.headers.get('access-control-allow-origin'), 'Access-Control-Allow-Origin is missing');
    assert.ok((response.headers.get('access-control-allow-methods') ?? '').toUpperCase().includes('DELETE'));
  });

  it('adds Access-Control-Allow-Origin to responses', async () => {
    const response = await get('/api/tags', { headers: { origin: ORIGIN } });
    assert.equal(response.status, 200);
    const allowOrigin = response.headers.get('access-control-allow-origin');
    assert.ok(allowOrigin === '*' || allowOrigin === ORIGIN, `Access-Control-Allow-Origin is ${allowOrigin}`);
  });

  it('adds Access-Control-Allow-Origin to error responses', async () => {
    const response = await get('/api/user', { headers: { origin: ORIGIN } });
    assert.equal(response.status, 401);
    assert.ok(response.headers.get('access-control-allow-origin'), 'Access-Control-Allow-Origin is missing on 401');
  });
});

describe('request body limit', () => {
  let account;

  before(async () => {
    account = await registerUser('big');
  });

  it('rejects body over 1 MiB with 413', async () => {
    const filler = 'x'.repeat(MIB + 1024);
    const body = JSON.stringify({ article: { title: 'Too big', description: 'd', body: filler } });
    const response = await rawRequest('POST', '/api/articles', {
      headers: {
        authorization: `Token ${account.token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
      body,
    });
    assert.equal(response.status, 413, `HTTP ${response.status}: ${response.text.slice(0, 200)}`);
  });

  it('rejects chunked body over 1 MiB with 413', async () => {
    const filler = 'y'.repeat(MIB + 1024);
    const body = JSON.stringify({ comment: { body: filler } });
    const response = await rawRequest('POST', '/api/articles/some-slug/comments', {
      headers: {
        authorization: `Token ${account.token}`,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
      body,
    });
    assert.equal(response.status, 413, `HTTP ${response.status}: ${response.text.slice(0, 200)}`);
  });
});
