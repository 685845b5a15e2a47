import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  GENERAL_ERROR_KEY,
  TOKEN_STORAGE_KEY,
  apiRequest,
  formatErrors,
  onTokenRejected,
  parseErrorBody,
  toFieldErrors,
} from './client';
import { articleListPath } from './conduit';

describe('parseErrorBody', () => {
  it('keeps field errors from the API', () => {
    const body = JSON.stringify({ errors: { title: ["can't be blank"], body: ["can't be blank"] } });
    expect(parseErrorBody(422, body)).toEqual({ title: ["can't be blank"], body: ["can't be blank"] });
  });

  it('accepts a bare string message', () => {
    expect(parseErrorBody(401, '{"errors":{"credentials":"invalid"}}')).toEqual({ credentials: ['invalid'] });
  });

  it('drops non-string messages', () => {
    const body = JSON.stringify({ errors: { email: ['is invalid', 3, null, ''], other: [] } });
    expect(parseErrorBody(422, body)).toEqual({ email: ['is invalid'] });
  });

  it('names the status for an HTML body', () => {
    const errors = parseErrorBody(502, '<html><body>Bad Gateway</body></html>');
    expect(Object.keys(errors)).toEqual([GENERAL_ERROR_KEY]);
    expect(errors[GENERAL_ERROR_KEY][0]).toContain('502');
  });

  it('names the status for an empty body', () => {
    expect(parseErrorBody(404, '')).toEqual({ [GENERAL_ERROR_KEY]: ['not found'] });
  });

  it('names the status for JSON without errors', () => {
    expect(parseErrorBody(500, '{"message":"boom"}')[GENERAL_ERROR_KEY][0]).toContain('500');
    expect(parseErrorBody(422, '{"errors":["a"]}')[GENERAL_ERROR_KEY][0]).toContain('422');
    expect(parseErrorBody(422, 'null')[GENERAL_ERROR_KEY][0]).toContain('422');
  });
});

describe('formatErrors', () => {
  it('prefixes messages with their field', () => {
    expect(formatErrors({ username: ['has already been taken'], email: ["can't be blank", 'is invalid'] })).toBe(
      "username has already been taken; email can't be blank; email is invalid",
    );
  });

  it('leaves general messages unprefixed', () => {
    expect(formatErrors({ [GENERAL_ERROR_KEY]: ['not found'] })).toBe('not found');
  });
});

describe('toFieldErrors', () => {
  it('returns the errors of an ApiError', () => {
    expect(toFieldErrors(new ApiError(409, { email: ['has already been taken'] }))).toEqual({ email: ['has already been taken'] });
  });

  it('wraps other errors as general', () => {
    expect(toFieldErrors(new Error('boom'))).toEqual({ [GENERAL_ERROR_KEY]: ['boom'] });
  });
});

describe('apiRequest', () => {
  const fetchMock = vi.fn();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    window.localStorage.clear();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('sends the stored token and JSON body', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'abc.def.ghi');
    fetchMock.mockResolvedValue(new Response('{"ok":true}', { status: 200 }));
    await expect(apiRequest('POST', '/articles', { article: { title: 't' } })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    const headers = init.headers as Record<string, string>;
    expect(url).toBe('/api/articles');
    expect(init.method).toBe('POST');
    expect(headers.Authorization).toBe('Token abc.def.ghi');
    expect(headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"article":{"title":"t"}}');
  });

  it('omits the Authorization header when signed out', async () => {
    fetchMock.mockResolvedValue(new Response('{"tags":[]}', { status: 200 }));
    await apiRequest('GET', '/tags');
    const init = fetchMock.mock.calls[0][1] as RequestInit;
    const headers = init.headers as Record<string, string>;
    expect(headers.Authorization).toBeUndefined();
    expect(headers['Content-Type']).toBeUndefined();
    expect(init.body).toBeUndefined();
  });

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(apiRequest('DELETE', '/articles/x')).resolves.toBeUndefined();
  });

  it('throws ApiError with field errors', async () => {
    fetchMock.mockResolvedValue(new Response('{"errors":{"title":["can\'t be blank"]}}', { status: 422 }));
    const error = await apiRequest('POST', '/articles', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).errors).toEqual({ title: ["can't be blank"] });
    expect((error as ApiError).message).toBe("title can't be blank");
  });

  it('throws status 0 when the network fails', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await apiRequest('GET', '/tags').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).errors[GENERAL_ERROR_KEY][0]).toContain('could not reach');
  });

  it('rejects a malformed success body', async () => {
    fetchMock.mockResolvedValue(new Response('<html>', { status: 200 }));
    await expect(apiRequest('GET', '/tags')).rejects.toBeInstanceOf(ApiError);
  });
});

describe('onTokenRejected', () => {
  const fetchMock = vi.fn();
  const listener = vi.fn();
  let removeListener: () => void;

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    window.localStorage.clear();
    removeListener = onTokenRejected(listener);
  });

  afterEach(() => {
    removeListener();
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    listener.mockReset();
  });

  it('reports the token a 401 rejected', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'old.token.value');
    fetchMock.mockResolvedValue(new Response('{"errors":{"token":["is invalid"]}}', { status: 401 }));
    const error = await apiRequest('GET', '/user').catch((caught: unknown) => caught);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('old.token.value');
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
  });

  it('ignores a 401 without a token', async () => {
    fetchMock.mockResolvedValue(new Response('{"errors":{"credentials":["invalid"]}}', { status: 401 }));
    await expect(apiRequest('POST', '/users/login', {})).rejects.toBeInstanceOf(ApiError);
    expect(listener).not.toHaveBeenCalled();
  });

  it('ignores other error statuses', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'abc.def.ghi');
    for (const status of [403, 404, 422, 500, 503]) {
      fetchMock.mockResolvedValueOnce(new Response('', { status }));
      await expect(apiRequest('GET', '/user')).rejects.toBeInstanceOf(ApiError);
    }
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops after the listener is removed', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'abc.def.ghi');
    removeListener();
    fetchMock.mockResolvedValue(new Response('', { status: 401 }));
    await expect(apiRequest('GET', '/user')).rejects.toBeInstanceOf(ApiError);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('articleListPath', () => {
  it('encodes filters and paging', () => {
    expect(articleListPath({ tag: 'c++ & go', limit: 10, offset: 20 })).toBe('/articles?tag=c%2B%2B+%26+go&limit=10&offset=20');
  });

  it('uses the feed endpoint without filters', () => {
    expect(articleListPath({ feed: true, author: 'x', limit: 10, offset: 0 })).toBe('/articles/feed?limit=10&offset=0');
  });

  it('filters by author and favorited', () => {
    expect(articleListPath({ author: 'ann', limit: 5, offset: 0 })).toBe('/articles?author=ann&limit=5&offset=0');
    expect(articleListPath({ favorited: 'bob', limit: 5, offset: 5 })).toBe('/articles?favorited=bob&limit=5&offset=5');
  });
});
