import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOKEN_STORAGE_KEY, apiRequest } from '../api/client';
import type { User } from '../api/types';
import { Login } from '../pages/Auth';
import { AuthProvider, SESSION_ENDED_NOTICE, useAuth } from './AuthContext';

// Tells React that this environment wraps updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ann: User = { email: 'ann@example.test', token: 'ann.token', username: 'ann', bio: null, image: null };
const ben: User = { email: 'ben@example.test', token: 'ben.token', username: 'ben', bio: null, image: null };

/** The fake API: `GET /user` and sign-in succeed, and `GET /articles/feed` returns `feedStatus`. */
let feedStatus = 200;
const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
  const token = (init.headers as Record<string, string>).Authorization?.replace('Token ', '');
  if (url === '/api/user') {
    return token === ann.token ? json(200, { user: ann }) : json(401, { errors: { token: ['is invalid'] } });
  }
  if (url === '/api/users/login') {
    return json(200, { user: ben });
  }
  if (url.startsWith('/api/articles/feed')) {
    if (feedStatus === 401) {
      return json(401, { errors: { token: ['is invalid'] } });
    }
    return feedStatus === 200 ? json(200, { articles: [], articlesCount: 0 }) : new Response('', { status: feedStatus });
  }
  return json(404, {});
});

/** Renders a page whose button loads the feed, and shows the signed-in user and the request's outcome. */
function FeedPage() {
  const { user } = useAuth();
  const [outcome, setOutcome] = useState('');
  const load = () => {
    apiRequest('GET', '/articles/feed?limit=10&offset=0').then(
      () => setOutcome('loaded'),
      (error: unknown) => setOutcome(`failed: ${String(error)}`),
    );
  };
  return (
    <div data-testid="feed-page">
      <span data-testid="user">{user?.username ?? 'signed out'}</span>
      <button type="button" onClick={load}>
        Load feed
      </button>
      <span data-testid="outcome">{outcome}</span>
    </div>
  );
}

/** Renders the sign-in page and the location state it received. */
function LoginWithState() {
  const location = useLocation();
  return (
    <>
      <Login />
      <pre data-testid="login-state">{JSON.stringify(location.state)}</pre>
    </>
  );
}

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  feedStatus = 200;
  window.localStorage.clear();
  vi.stubGlobal('fetch', fetchMock);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
  fetchMock.mockClear();
});

/** Lets pending fetches and the React updates they cause finish. */
async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

async function renderApp(path: string) {
  act(() => {
    root.render(
      <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <AuthProvider>
          <Routes>
            <Route path="/feed" element={<FeedPage />} />
            <Route path="/login" element={<LoginWithState />} />
          </Routes>
        </AuthProvider>
      </MemoryRouter>,
    );
  });
  await settle();
}

function byTestId(id: string): HTMLElement | null {
  return container.querySelector(`[data-testid="${id}"]`);
}

async function clickLoadFeed() {
  const button = [...container.querySelectorAll('button')].find((candidate) => candidate.textContent === 'Load feed');
  expect(button).toBeDefined();
  act(() => button?.click());
  await settle();
}

/** Sets an input's value the way typing does, so React's onChange handler receives it. */
function typeInto(input: HTMLInputElement, value: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setValue?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('AuthProvider', () => {
  it('signs out on a 401 mid-session', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, ann.token);
    await renderApp('/feed?page=2');
    expect(byTestId('user')?.textContent).toBe('ann');

    feedStatus = 401;
    await clickLoadFeed();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(byTestId('feed-page')).toBeNull();
    expect(container.querySelector('h1')?.textContent).toBe('Sign in');
    expect(byTestId('session-notice')?.textContent).toBe(SESSION_ENDED_NOTICE);
    expect(JSON.parse(byTestId('login-state')?.textContent ?? 'null')).toEqual({ from: '/feed?page=2' });
  });

  it('returns to the page after signing in again', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, ann.token);
    await renderApp('/feed?page=2');
    feedStatus = 401;
    await clickLoadFeed();

    typeInto(container.querySelector('input#field-email') as HTMLInputElement, ben.email);
    typeInto(container.querySelector('input#field-password') as HTMLInputElement, 'correct horse battery');
    act(() => (container.querySelector('button[type="submit"]') as HTMLButtonElement).click());
    await settle();
    expect(byTestId('user')?.textContent).toBe('ben');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(ben.token);
  });

  it('keeps the session on other errors', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, ann.token);
    await renderApp('/feed');
    feedStatus = 500;
    await clickLoadFeed();
    expect(byTestId('user')?.textContent).toBe('ann');
    expect(byTestId('outcome')?.textContent).toMatch(/^failed: .*500/);
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(ann.token);
  });

  it('ignores a 401 for a replaced token', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, ann.token);
    await renderApp('/feed');
    feedStatus = 401;
    // The request leaves with ann's token, and a new sign-in replaces the
    // stored token before the response arrives.
    fetchMock.mockImplementationOnce(async () => {
      window.localStorage.setItem(TOKEN_STORAGE_KEY, ben.token);
      return new Response('{"errors":{"token":["is invalid"]}}', { status: 401 });
    });
    await clickLoadFeed();
    expect(byTestId('feed-page')).not.toBeNull();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(ben.token);
  });

  it('drops a rejected token at start-up quietly', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'expired.token');
    await renderApp('/feed');
    expect(byTestId('user')?.textContent).toBe('signed out');
    expect(byTestId('feed-page')).not.toBeNull();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });
});

describe('Login', () => {
  it('shows no notice on a plain visit', async () => {
    await renderApp('/login');
    expect(container.querySelector('h1')?.textContent).toBe('Sign in');
    expect(byTestId('session-notice')).toBeNull();
  });
});
