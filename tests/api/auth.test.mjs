// Token authentication: missing, malformed, forged and tampered tokens.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { expectErrors, expectJson, expectUser, get, registerUser, request } from './lib/client.mjs';
import { base64url, decodeJwt, encodeSegment, readServerSecret, signHmac, signRs256 } from './lib/jwt.mjs';

// Every endpoint that requires a token. The slugs and names need not exist
// because authentication is checked before the resource is looked up.
const PROTECTED_ENDPOINTS = [
  ['GET', '/api/user'],
  ['PUT', '/api/user', { user: { bio: 'x' } }],
  ['POST', '/api/profiles/someone/follow'],
  ['DELETE', '/api/profiles/someone/follow'],
  ['GET', '/api/articles/feed'],
  ['POST', '/api/articles', { article: { title: 't', description: 'd', body: 'b' } }],
  ['PUT', '/api/articles/some-slug', { article: { body: 'b' } }],
  ['DELETE', '/api/articles/some-slug'],
  ['POST', '/api/articles/some-slug/favorite'],
  ['DELETE', '/api/articles/some-slug/favorite'],
  ['POST', '/api/articles/some-slug/comments', { comment: { body: 'b' } }],
  ['DELETE', '/api/articles/some-slug/comments/1'],
];

describe('protected endpoints', () => {
  for (const [method, path, json] of PROTECTED_ENDPOINTS) {
    it(`${method} ${path} rejects missing token with 401`, async () => {
      const response = await request(method, path, { json });
      expectErrors(response, 401, 'token', 'is missing');
    });
  }

  it('401 response carries a WWW-Authenticate challenge', async () => {
    // RFC 7235 section 3.1: a server that sends 401 must send a
    // WWW-Authenticate header field with at least one challenge.
    const response = await get('/api/user');
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /^Token\b/);
  });
});

describe('token validation', () => {
  let account;
  let decoded;

  before(async () => {
    account = await registerUser('jwt');
    decoded = decodeJwt(account.token);
  });

  async function expectRejected(authorization) {
    const response = await get('/api/user', { authorization });
    return expectErrors(response, 401, 'token');
  }

  it('issued token is an HS256 JWT with exp', () => {
    assert.equal(decoded.header.alg, 'HS256');
    assert.ok(Number.isInteger(decoded.payload.exp), 'payload.exp is not an integer');
    assert.ok(decoded.payload.exp > Date.now() / 1000, 'token is already expired');
  });

  it('accepts the issued token', async () => {
    const body = expectJson(await get('/api/user', { authorization: `Token ${account.token}` }), 200);
    expectUser(body.user, { username: account.username });
  });

  it('rejects Bearer scheme with junk token', async () => {
    await expectRejected('Bearer x');
  });

  it('rejects Token scheme without a value', async () => {
    await expectRejected('Token');
  });

  it('rejects token without a scheme', async () => {
    await expectRejected(account.token);
  });

  it('rejects unknown scheme', async () => {
    await expectRejected(`Basic ${account.token}`);
  });

  for (const junk of ['x', 'abc.def', 'a.b.c', '...', 'not base64!.x.y', `${'A'.repeat(4000)}.e30.x`]) {
    it(`rejects malformed token "${junk.slice(0, 20)}"`, async () => {
      await expectRejected(`Token ${junk}`);
    });
  }

  it('rejects header that is not JSON', async () => {
    await expectRejected(`Token ${base64url('not json')}.${decoded.payloadPart}.${decoded.signaturePart}`);
  });

  it('rejects alg none with empty signature', async () => {
    const header = encodeSegment({ alg: 'none', typ: 'JWT' });
    await expectRejected(`Token ${header}.${decoded.payloadPart}.`);
  });

  it('rejects alg none keeping the signature', async () => {
    const header = encodeSegment({ alg: 'none', typ: 'JWT' });
    await expectRejected(`Token ${header}.${decoded.payloadPart}.${decoded.signaturePart}`);
  });

  it('rejects HS512 header with original signature', async () => {
    const header = encodeSegment({ ...decoded.header, alg: 'HS512' });
    await expectRejected(`Token ${header}.${decoded.payloadPart}.${decoded.signaturePart}`);
  });

  it('rejects HS512 token signed with another key', async () => {
    const token = signHmac({ alg: 'HS512', typ: 'JWT' }, decoded.payload, 'another-secret-that-is-long-enough-0123456789');
    await expectRejected(`Token ${token}`);
  });

  it('rejects RS256 token', async () => {
    await expectRejected(`Token ${signRs256(decoded.payload)}`);
  });

  it('rejects HS256 token signed with another key', async () => {
    const token = signHmac(decoded.header, decoded.payload, 'another-secret-that-is-long-enough-0123456789');
    await expectRejected(`Token ${token}`);
  });

  it('rejects flipped signature bits', async () => {
    const signature = Buffer.from(decoded.signaturePart, 'base64url');
    signature[0] ^= 0x01;
    await expectRejected(`Token ${decoded.headerPart}.${decoded.payloadPart}.${signature.toString('base64url')}`);
  });

  it('rejects truncated signature', async () => {
    await expectRejected(`Token ${decoded.headerPart}.${decoded.payloadPart}.${decoded.signaturePart.slice(0, -4)}`);
  });

  it("rejects another token's signature", async () => {
    const other = decodeJwt((await registerUser('jwt')).token);
    await expectRejected(`Token ${decoded.headerPart}.${decoded.payloadPart}.${other.signaturePart}`);
  });

  it('rejects past exp with the old signature', async () => {
    const payload = encodeSegment({ ...decoded.payload, exp: Math.floor(Date.now() / 1000) - 3600 });
    await expectRejected(`Token ${decoded.headerPart}.${payload}.${decoded.signaturePart}`);
  });

  it('rejects extended exp with the old signature', async () => {
    const payload = encodeSegment({ ...decoded.payload, exp: decoded.payload.exp + 86400 });
    await expectRejected(`Token ${decoded.headerPart}.${payload}.${decoded.signaturePart}`);
  });

  it('rejects bad token on optional-auth endpoints', async () => {
    // An invalid credential is an error even where a token is optional, so
    // a client never silently gets anonymous results.
    for (const path of ['/api/articles', '/api/profiles/someone', '/api/articles/some-slug/comments']) {
      const response = await get(path, { authorization: 'Token a.b.c' });
      expectErrors(response, 401, 'token');
    }
  });
});

// These tests sign tokens with the server's own secret, so they prove the
// rejection comes from the claim or algorithm check and not from a bad
// signature. They run only when tests/api/run started the stack and can
// read its secret.
const serverSecret = readServerSecret();

describe('token validation with the server secret', { skip: serverSecret === null && 'API_TEST_JWT_SECRET_FILE is not readable' }, () => {
  let decoded;

  before(async () => {
    decoded = decodeJwt((await registerUser('jwts')).token);
  });

  it('accepts a re-signed copy of a valid token', async () => {
    const token = signHmac(decoded.header, decoded.payload, serverSecret);
    expectJson(await get('/api/user', { token }), 200);
  });

  it('rejects expired token with valid signature', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = { ...decoded.payload, exp: now - 60 };
    if ('iat' in payload) {
      payload.iat = now - 3600;
    }
    const token = signHmac(decoded.header, payload, serverSecret);
    expectErrors(await get('/api/user', { token }), 401, 'token');
  });

  it('rejects HS512 token signed with the secret', async () => {
    const token = signHmac({ ...decoded.header, alg: 'HS512' }, decoded.payload, serverSecret);
    expectErrors(await get('/api/user', { token }), 401, 'token');
  });
});
