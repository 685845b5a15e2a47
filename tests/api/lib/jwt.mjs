// Builds forged and tampered JWTs for the authentication tests.

import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function base64url(input) {
  return Buffer.from(input).toString('base64url');
}

export function encodeSegment(object) {
  return base64url(JSON.stringify(object));
}

/** Splits a compact JWS into its decoded header and payload and its raw parts. */
export function decodeJwt(token) {
  const [headerPart, payloadPart, signaturePart] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')),
    headerPart,
    payloadPart,
    signaturePart,
  };
}

const HMAC_DIGESTS = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** Signs header.payload with HMAC, using the digest that `header.alg` names. */
export function signHmac(header, payload, secret) {
  const signingInput = `${encodeSegment(header)}.${encodeSegment(payload)}`;
  const signature = createHmac(HMAC_DIGESTS[header.alg], secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

/** Signs header.payload with RS256 under a freshly generated RSA key the server has never seen. */
export function signRs256(payload) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingInput = `${encodeSegment({ alg: 'RS256', typ: 'JWT' })}.${encodeSegment(payload)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

/**
 * Returns the server's JWT secret when API_TEST_JWT_SECRET_FILE names a
 * readable file (tests/api/run sets it for the stack it starts), else null.
 * The file's trailing newline is trimmed, as the API does for JWT_SECRET_FILE.
 */
export function readServerSecret() {
  const path = process.env.API_TEST_JWT_SECRET_FILE;
  if (!path) {
    return null;
  }
  try {
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch {
    return null;
  }
}
