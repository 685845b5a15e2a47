// Operations endpoints: health checks through nginx, and /metrics hidden
// from nginx but served by the API itself.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { API_DIRECT_URL, JSON_CONTENT_TYPE, expectJson, get, rawRequest } from './lib/client.mjs';

// The nginx locations (web/nginx/conduit-locations.conf) proxy /healthz and
// /readyz but not /livez, so /livez is tested on the API port.
describe('health endpoints', () => {
  it('/healthz returns 200 JSON', async () => {
    const body = expectJson(await get('/healthz'), 200);
    assert.equal(typeof body, 'object');
    assert.equal(Array.isArray(body), false);
  });

  it('/readyz returns 200 JSON', async () => {
    const body = expectJson(await get('/readyz'), 200);
    assert.equal(typeof body, 'object');
    assert.equal(Array.isArray(body), false);
  });
});

describe('/metrics through nginx', () => {
  // Raw request targets, because fetch would normalize the dot segments
  // and percent-encodings that these variants rely on.
  const targets = [
    '/metrics',
    '/metrics/',
    '/metrics?format=text',
    '//metrics',
    '/api/../metrics',
    '/healthz/../metrics',
    '/api/%2e%2e/metrics',
    '/%6detrics',
    '/api/..%2fmetrics',
  ];

  for (const target of targets) {
    it(`${target} does not expose metrics`, async () => {
      // Paths outside /api/ may fall through to the single-page app with
      // 200 and HTML, so the check looks only at the body, which must contain no metrics.
      const response = await rawRequest('GET', target);
      assert.doesNotMatch(response.text, /^# (HELP|TYPE) /m, `HTTP ${response.status} exposed metrics`);
    });
  }

  it('/metrics returns 404', async () => {
    const response = await rawRequest('GET', '/metrics');
    assert.equal(response.status, 404);
  });
});

describe('/metrics on the API port', { skip: API_DIRECT_URL === null && 'API_DIRECT_URL is not set' }, () => {
  it('returns Prometheus text', async () => {
    const response = await get('/metrics', { baseUrl: API_DIRECT_URL });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(response.text, /^# TYPE \S+ (counter|gauge|histogram|summary)$/m);
  });

  it('/livez returns 200', async () => {
    const response = await get('/livez', { baseUrl: API_DIRECT_URL });
    assert.equal(response.status, 200, response.text);
  });

  it('/healthz returns 200 JSON', async () => {
    const response = await get('/healthz', { baseUrl: API_DIRECT_URL });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), JSON_CONTENT_TYPE);
  });
});
