// Fetch wrapper for the Conduit API: adds the token, decodes JSON and turns
// error responses into ApiError.

/** Field name to messages, as in the API's `{"errors":{"field":["msg"]}}` body. */
export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;
  readonly errors: FieldErrors;

  constructor(status: number, errors: FieldErrors) {
    super(formatErrors(errors));
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
  }
}

/** Key used for errors that concern no single form field (network, server). */
export const GENERAL_ERROR_KEY = 'general';

export const TOKEN_STORAGE_KEY = 'conduit.token';

export const API_BASE = '/api';

/**
 * Parses an error response body into field errors.
 *
 * Accepts the API's documented shape and tolerates a bare string in place of
 * the message array. Any other body (an nginx HTML error page, empty or
 * malformed JSON) becomes one general message naming the HTTP status.
 */
export function parseErrorBody(status: number, bodyText: string): FieldErrors {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  const errors = isRecord(parsed) ? parsed.errors : undefined;
  if (isRecord(errors)) {
    const result: FieldErrors = {};
    for (const [field, value] of Object.entries(errors)) {
      const messages = (Array.isArray(value) ? value : [value])
        .filter((message): message is string => typeof message === 'string' && message !== '');
      if (messages.length > 0) {
        result[field] = messages;
      }
    }
    if (Object.keys(result).length > 0) {
      return result;
    }
  }
  return { [GENERAL_ERROR_KEY]: [describeStatus(status)] };
}

function describeStatus(status: number): string {
  if (status === 401) return 'you need to sign in again';
  if (status === 403) return 'you are not allowed to do that';
  if (status === 404) return 'not found';
  if (status === 413) return 'the request is too large';
  if (status === 429) return 'too many requests, try again shortly';
  if (status >= 500) return `the server failed (HTTP ${status}), try again later`;
  return `the request failed (HTTP ${status})`;
}

/** Joins field errors into one line such as "title can't be blank; body can't be blank". */
export function formatErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .flatMap(([field, messages]) => messages.map((message) => formatFieldMessage(field, message)))
    .join('; ');
}

/** Prefixes a message with its field name, as the API's messages expect ("email is invalid"). */
export function formatFieldMessage(field: string, message: string): string {
  return field === GENERAL_ERROR_KEY ? message : `${field} ${message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function loadToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token === null) {
      window.localStorage.removeItem(TOKEN_STORAGE_KEY);
    } else {
      window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
    }
  } catch {
    // Storage can be disabled (private mode, full quota). The session then
    // lasts only as long as the page.
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Listener that receives the token of a request the API rejected with 401. */
export type TokenRejectedListener = (token: string) => void;

const tokenRejectedListeners = new Set<TokenRejectedListener>();

/**
 * Registers `listener` for 401 responses to requests that carried a token,
 * and returns a function that removes it. A 401 to a request without a token
 * (a wrong password at sign-in) notifies no listener.
 */
export function onTokenRejected(listener: TokenRejectedListener): () => void {
  tokenRejectedListeners.add(listener);
  return () => {
    tokenRejectedListeners.delete(listener);
  };
}

/**
 * Sends one request to the API under API_BASE and returns the decoded JSON
 * body, or undefined for an empty body (204). Throws ApiError on a non-2xx
 * status or when the server cannot be reached (status 0). A 401 to a request
 * that carried a token also notifies the `onTokenRejected` listeners first.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = loadToken();
  if (token) {
    headers.Authorization = `Token ${token}`;
  }
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, init);
  } catch {
    throw new ApiError(0, { [GENERAL_ERROR_KEY]: ['could not reach the server, check your connection'] });
  }

  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401 && token) {
      for (const listener of [...tokenRejectedListeners]) {
        listener(token);
      }
    }
    throw new ApiError(response.status, parseErrorBody(response.status, text));
  }
  if (text === '') {
    return undefined as T;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, { [GENERAL_ERROR_KEY]: ['the server sent an invalid response'] });
  }
}

/** Turns any thrown value into field errors, so forms can show it. */
export function toFieldErrors(error: unknown): FieldErrors {
  if (error instanceof ApiError) {
    return error.errors;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { [GENERAL_ERROR_KEY]: [message] };
}
