// End-to-end tests of the Conduit web app in headless Chromium, through the
// nginx of a running stack. The steps share one browser and build on each
// other in order: sign up, write, read, comment, favorite, follow, edit.
//
// Environment: CONDUIT_URL (the stack's base URL, required), SCREENSHOT_DIR
// (where to save page screenshots), CHROMIUM_PATH (default /usr/bin/chromium).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.CONDUIT_URL ?? '').replace(/\/$/, '');
if (!BASE_URL) {
  throw new Error('CONDUIT_URL is missing. Set it to the stack URL, for example http://127.0.0.1:8000');
}
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? path.resolve('test-output/browser');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ACTION_TIMEOUT_MS = 15_000;
const STEP_TIMEOUT_MS = 90_000;

// Names unique to this run, so runs against the same database never collide.
const RUN_ID = `${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 5)}`;
const PASSWORD = 'correct horse battery';
const author = { username: `ann${RUN_ID}`, email: `ann${RUN_ID}@example.test`, password: PASSWORD };
const reader = { username: `ben${RUN_ID}`, email: `ben${RUN_ID}@example.test`, password: PASSWORD };
const writer = { username: `cat${RUN_ID}`, email: `cat${RUN_ID}@example.test`, password: PASSWORD };
const TAG = `tag${RUN_ID}`;

let context;
let page;
let userDataDir;
/** Console messages that report a Content-Security-Policy violation. */
const cspViolations = [];
/** Slug of the Markdown article, updated when an edit changes it. */
let articleSlug;
const articleTitle = `Markdown in practice ${RUN_ID}`;

function url(pathname) {
  return `${BASE_URL}${pathname}`;
}

async function screenshot(name) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Sends one request to the API directly, for setup that the UI need not show. */
async function api(method, pathname, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Token ${token}`;
  const response = await fetch(url(`/api${pathname}`), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} /api${pathname} failed with HTTP ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/**
 * Fetches a URL and reads the whole body. An unread body keeps its
 * connection busy, and a busy connection keeps node from exiting.
 */
async function fetchFully(target, init) {
  const response = await fetch(target, init);
  const body = await response.text();
  return { status: response.status, headers: response.headers, body };
}

async function waitForArticleList() {
  await page.locator('[data-testid="article-list"]').waitFor();
}

/** Waits until the home page's active feed tab is the one named `name`. */
async function waitForActiveTab(name) {
  await page.locator('.tabs .tab.active[aria-current="page"]', { hasText: name }).waitFor();
}

/**
 * Waits until the header shows `user` as signed in. Fails at once with the
 * form's error message when the API rejects the request instead.
 */
async function waitForSignedIn(user) {
  const signedIn = page.locator('[data-testid="nav-profile"]', { hasText: user.username });
  const formError = page.locator('.form-errors, .field-error');
  await signedIn.or(formError).first().waitFor();
  if (await formError.count()) {
    throw new Error(`signing in ${user.username} failed: ${(await formError.allInnerTexts()).join('; ')}`);
  }
}

async function signUp(user) {
  await page.goto(url('/register'));
  await page.getByLabel('Username', { exact: true }).fill(user.username);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await waitForSignedIn(user);
}

async function signIn(user) {
  await page.goto(url('/login'));
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForSignedIn(user);
}

async function signOut() {
  await page.goto(url('/settings'));
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
}

/** Fills the editor, publishes, and returns the slug of the article page that opens. */
async function publishArticle({ title, description, body, tags }) {
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel("What's this article about?", { exact: true }).fill(description);
  await page.getByLabel('Article (Markdown)', { exact: true }).fill(body);
  const tagInput = page.getByLabel('Tags', { exact: true });
  for (const tag of tags) {
    await tagInput.fill(tag);
    await tagInput.press('Enter');
  }
  await page.getByRole('button', { name: 'Publish article' }).click();
  await page.waitForURL(/\/article\/[^/]+$/);
  await page.locator('[data-testid="article-body"]').waitFor();
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
}

function previewFor(slug) {
  return page.locator(`.article-preview[data-slug="${slug}"]`);
}

describe('Conduit web app', { concurrency: false }, () => {
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    userDataDir = mkdtempSync(path.join(tmpdir(), 'conduit-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) {
        cspViolations.push(`${page.url()}: ${message.text()} (${JSON.stringify(message.location())})`);
      }
    });
  });

  after(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  test('home page shows the global feed', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Global feed' }).waitFor();
    await waitForArticleList();
    assert.equal(await page.getByRole('link', { name: 'Your feed' }).count(), 0);
    await page.getByRole('heading', { name: 'Popular tags' }).waitFor();
    await screenshot('home-signed-out');
  });

  test('sign up signs the new user in', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url('/register'));
    await screenshot('sign-up');
    await signUp(author);
    assert.equal(await page.getByRole('link', { name: 'Your feed' }).count(), 1);
    await waitForActiveTab('Your feed');
    const token = await page.evaluate(() => window.localStorage.getItem('conduit.token'));
    assert.ok(token, 'the token is in localStorage');
  });

  test('sign out forgets the user', { timeout: STEP_TIMEOUT_MS }, async () => {
    await signOut();
    const token = await page.evaluate(() => window.localStorage.getItem('conduit.token'));
    assert.equal(token, null);
    assert.equal(await page.locator('[data-testid="nav-profile"]').count(), 0);
  });

  test('sign up shows a taken username next to the field', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url('/register'));
    await page.getByLabel('Username', { exact: true }).fill(author.username);
    await page.getByLabel('Email', { exact: true }).fill(`other${RUN_ID}@example.test`);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    const fieldError = page.locator('#field-username-error');
    await fieldError.waitFor();
    assert.match(await fieldError.innerText(), /username has already been taken/);
    assert.equal(await page.getByLabel('Username', { exact: true }).getAttribute('aria-invalid'), 'true');
    await screenshot('sign-up-error');
  });

  test('sign in rejects a wrong password', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url('/login'));
    await page.getByLabel('Email', { exact: true }).fill(author.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const formError = page.locator('.form-errors');
    await formError.waitFor();
    assert.match(await formError.innerText(), /credentials invalid|invalid/i);
    await screenshot('sign-in-error');
  });

  test('sign in with email and password', { timeout: STEP_TIMEOUT_MS }, async () => {
    await signIn(author);
    assert.equal(new URL(page.url()).pathname, '/');
  });

  test('home opens on Your feed when signed in', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url('/'));
    await waitForActiveTab('Your feed');
    await waitForArticleList();
    await page.getByText('Your feed is empty.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Global feed' }).count(), 1);
  });

  test('editor shows a blank title next to the field', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url('/editor'));
    await page.getByLabel("What's this article about?", { exact: true }).fill('No title');
    await page.getByLabel('Article (Markdown)', { exact: true }).fill('Body without a title');
    await page.getByRole('button', { name: 'Publish article' }).click();
    const fieldError = page.locator('#field-title-error');
    await fieldError.waitFor();
    assert.match(await fieldError.innerText(), /title can't be blank/);
    assert.equal(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid'), 'true');
    await screenshot('editor-error');
  });

  test('editor publishes Markdown with tags', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url('/editor'));
    await screenshot('editor');
    articleSlug = await publishArticle({
      title: articleTitle,
      description: 'How the editor renders Markdown',
      body: '## A heading\n\nSome **bold** text and a list:\n\n- first item\n- second item\n\n`inline code`',
      tags: [TAG, 'markdown'],
    });
    assert.equal(await page.getByTestId('article-title').innerText(), articleTitle);
    const body = page.getByTestId('article-body');
    assert.equal(await body.locator('h2').innerText(), 'A heading');
    assert.equal(await body.locator('strong').innerText(), 'bold');
    assert.equal(await body.locator('li').count(), 2);
    assert.equal(await body.locator('code').innerText(), 'inline code');
    const tags = await page.locator('.article-page .tag-list .tag').allInnerTexts();
    assert.deepEqual(tags.sort(), [TAG, 'markdown'].sort());
    await page.getByRole('link', { name: 'Edit article' }).first().waitFor();
    await page.getByRole('button', { name: 'Delete article' }).first().waitFor();
    await screenshot('article');
  });

  test('new article appears in the global feed', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Global feed' }).click();
    await page.waitForURL((current) => current.searchParams.get('feed') === 'global');
    await waitForActiveTab('Global feed');
    await waitForArticleList();
    const preview = previewFor(articleSlug);
    await preview.waitFor();
    assert.equal(await preview.locator('h2').innerText(), articleTitle);
    await screenshot('home-global-feed');
  });

  test('tag link lists the article', { timeout: STEP_TIMEOUT_MS }, async () => {
    await previewFor(articleSlug).getByRole('link', { name: TAG }).click();
    await page.waitForURL((current) => current.searchParams.get('tag') === TAG);
    await waitForArticleList();
    await page.locator('.tab.active', { hasText: `#${TAG}` }).waitFor();
    await previewFor(articleSlug).waitFor();
    const previews = page.locator('.article-preview');
    assert.equal(await previews.count(), 1);
    assert.equal(await previews.first().getAttribute('data-slug'), articleSlug);
    await screenshot('home-tag');
  });

  test('comment is added and deleted', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url(`/article/${encodeURIComponent(articleSlug)}`));
    await page.getByText('No comments yet.').waitFor();
    const text = `First comment ${RUN_ID}`;
    await page.getByLabel('Comment', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Post comment' }).click();
    const comment = page.locator('.comment', { hasText: text });
    await comment.waitFor();
    assert.equal(await page.getByLabel('Comment', { exact: true }).inputValue(), '');
    await screenshot('article-comment');
    await comment.getByRole('button', { name: 'Delete' }).click();
    await comment.waitFor({ state: 'detached' });
    await page.getByText('No comments yet.').waitFor();
    const remaining = await api('GET', `/articles/${encodeURIComponent(articleSlug)}/comments`);
    assert.equal(remaining.comments.length, 0);
  });

  test('script and onerror in a body run nothing', { timeout: STEP_TIMEOUT_MS }, async () => {
    const dialogs = [];
    const onDialog = (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', onDialog);
    const violationsBefore = cspViolations.length;
    try {
      await page.goto(url('/editor'));
      const slug = await publishArticle({
        title: `Hostile <script>alert("title")</script> ${RUN_ID}`,
        description: 'Markup that must stay inert',
        body: [
          'Visible text before.',
          '',
          '<script>window.__conduitXss = "script"; alert("script")</script>',
          '',
          '<img src="/missing-image.png" onerror="window.__conduitXss = \'onerror\'; alert(\'onerror\')">',
          '',
          '[a javascript link](javascript:alert("link"))',
          '',
          'Shown as code: `<script>alert(1)</script>`',
          '',
          'Visible text after.',
        ].join('\n'),
        tags: [],
      });
      // Give a failing image time to fire its error event.
      await page.waitForTimeout(1000);
      const body = page.getByTestId('article-body');
      const text = await body.innerText();
      assert.match(text, /Visible text before\./);
      assert.match(text, /Visible text after\./);
      assert.equal(await body.locator('code').innerText(), '<script>alert(1)</script>');
      assert.equal(await body.locator('script').count(), 0);
      assert.equal(await body.locator('[onerror]').count(), 0);
      for (const href of await body.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
        assert.doesNotMatch(href, /^\s*javascript:/i);
      }
      assert.match(await page.getByTestId('article-title').innerText(), /<script>alert\("title"\)<\/script>/);
      assert.equal(await page.evaluate(() => window.__conduitXss), undefined);
      assert.deepEqual(dialogs, []);
      await screenshot('article-hostile-markup');
      // Chromium reports a violation while DOMPurify parses the onerror
      // attribute in its inert document, although nothing runs. Only this
      // page may report one, and the last test checks all other pages.
      cspViolations.splice(violationsBefore);

      // The author deletes it again, and the confirmation is the only dialog.
      page.off('dialog', onDialog);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Delete article' }).first().click();
      await page.waitForURL(url('/'));
      await assert.rejects(api('GET', `/articles/${encodeURIComponent(slug)}`), /HTTP 404/);
    } finally {
      page.off('dialog', onDialog);
    }
  });

  test('another user favorites the article', { timeout: STEP_TIMEOUT_MS }, async () => {
    await signOut();
    await signUp(reader);
    await page.goto(url(`/article/${encodeURIComponent(articleSlug)}`));
    const favorite = page.getByTestId('favorite-button').first();
    assert.equal(await favorite.getAttribute('aria-pressed'), 'false');
    assert.equal(await favorite.locator('.count').innerText(), '0');
    await favorite.click();
    await page.locator('[data-testid="favorite-button"][aria-pressed="true"]').first().waitFor();
    assert.equal(await favorite.locator('.count').innerText(), '1');

    await page.goto(url(`/profile/${reader.username}/favorites`));
    await waitForArticleList();
    await previewFor(articleSlug).waitFor();
  });

  test('following the author fills Your feed', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url(`/article/${encodeURIComponent(articleSlug)}`));
    await page.getByRole('button', { name: `Follow ${author.username}` }).first().click();
    await page.getByRole('button', { name: `Unfollow ${author.username}` }).first().waitFor();
    await page.goto(url('/'));
    await waitForActiveTab('Your feed');
    await waitForArticleList();
    await previewFor(articleSlug).waitFor();
    await screenshot('home-your-feed');
  });

  test('rejected token leads to sign in', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url('/?feed=global'));
    await waitForArticleList();
    // The API rejects this token as it would an expired one. The app reads
    // the token for every request, so the next request sends it.
    await page.evaluate(() => window.localStorage.setItem('conduit.token', 'not.a.valid-token'));
    await page.getByRole('link', { name: 'Your feed' }).click();
    await page.waitForURL((current) => current.pathname === '/login');
    const notice = page.getByTestId('session-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /session is no longer valid/);
    assert.equal(await page.evaluate(() => window.localStorage.getItem('conduit.token')), null);
    assert.equal(await page.locator('[data-testid="nav-profile"]').count(), 0);
    await screenshot('sign-in-session-ended');

    // Signing in again returns to the page that failed.
    await page.getByLabel('Email', { exact: true }).fill(reader.email);
    await page.getByLabel('Password', { exact: true }).fill(reader.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForSignedIn(reader);
    await page.waitForURL((current) => current.pathname === '/' && current.searchParams.get('feed') === 'following');
    await waitForArticleList();
    await previewFor(articleSlug).waitFor();
    assert.equal(await page.getByTestId('session-notice').count(), 0);
  });

  test('author edits the article', { timeout: STEP_TIMEOUT_MS }, async () => {
    await signOut();
    await signIn(author);
    await page.goto(url(`/article/${encodeURIComponent(articleSlug)}`));
    await page.getByRole('link', { name: 'Edit article' }).first().click();
    await page.waitForURL(/\/editor\/.+/);
    const title = page.getByLabel('Title', { exact: true });
    await page.waitForFunction(() => document.querySelector('#field-title')?.value !== '');
    assert.equal(await title.inputValue(), articleTitle);
    assert.deepEqual((await page.locator('.editor-tags .tag').allInnerTexts()).map((t) => t.replace('×', '').trim()).sort(), [TAG, 'markdown'].sort());
    await title.fill(`${articleTitle} (edited)`);
    await page.getByLabel('Article (Markdown)', { exact: true }).fill('## Edited heading\n\nThe body changed.');
    await page.getByRole('button', { name: 'Remove tag markdown' }).click();
    await page.getByRole('button', { name: 'Publish article' }).click();
    await page.waitForURL(/\/article\/[^/]+$/);
    await page.getByTestId('article-title').filter({ hasText: '(edited)' }).waitFor();
    articleSlug = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    assert.equal(await page.getByTestId('article-body').locator('h2').innerText(), 'Edited heading');
    assert.deepEqual(await page.locator('.article-page .tag-list .tag').allInnerTexts(), [TAG]);
    const { article } = await api('GET', `/articles/${encodeURIComponent(articleSlug)}`);
    assert.equal(article.favoritesCount, 1, "the reader's favorite survives the edit");
  });

  test('settings show a short password next to the field', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url('/settings'));
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Update settings' }).click();
    const fieldError = page.locator('#field-password-error');
    await fieldError.waitFor();
    assert.match(await fieldError.innerText(), /^password /);
    assert.equal(await page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid'), 'true');
  });

  test('settings update bio and picture', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.goto(url('/settings'));
    const image = url('/favicon.svg');
    const bio = `Writes about Markdown. Run ${RUN_ID}.`;
    await page.getByLabel('Picture URL', { exact: true }).fill(image);
    await page.getByLabel('Bio', { exact: true }).fill(bio);
    await page.getByLabel('New password', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Update settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await screenshot('settings');

    await page.goto(url(`/profile/${author.username}`));
    await page.locator('.profile-banner .bio', { hasText: bio }).waitFor();
    assert.equal(await page.locator('.profile-banner .avatar').getAttribute('src'), image);
    await waitForArticleList();
    await previewFor(articleSlug).waitFor();
    await screenshot('profile');

    const current = await api('POST', '/users/login', { user: { email: author.email, password: author.password } });
    assert.equal(current.user.bio, bio);
    assert.equal(current.user.image, image);
  });

  test('profile list paginates', { timeout: STEP_TIMEOUT_MS }, async () => {
    const { user } = await api('POST', '/users', { user: writer });
    const titles = [];
    for (let i = 1; i <= 12; i += 1) {
      const title = `Paged article ${String(i).padStart(2, '0')} ${RUN_ID}`;
      titles.push(title);
      await api('POST', '/articles', { article: { title, description: `Number ${i}`, body: `Body ${i}`, tagList: [] } }, user.token);
    }

    await page.goto(url(`/profile/${writer.username}`));
    await waitForArticleList();
    const headings = page.locator('.article-preview h2');
    assert.equal(await headings.count(), 10);
    const firstPage = await headings.allInnerTexts();
    await page.getByRole('link', { name: 'Page 2' }).waitFor();
    await screenshot('profile-page-1');

    await page.getByRole('link', { name: 'Page 2' }).click();
    await page.waitForURL((current) => current.searchParams.get('page') === '2');
    await page.locator('.page-current', { hasText: '2' }).waitFor();
    await waitForArticleList();
    const secondPage = await headings.allInnerTexts();
    assert.equal(secondPage.length, 2);
    assert.deepEqual([...firstPage, ...secondPage].sort(), [...titles].sort());
    await screenshot('profile-page-2');

    await page.getByRole('link', { name: '‹ Previous' }).click();
    await page.waitForURL((current) => !current.searchParams.has('page'));
    await waitForArticleList();
    assert.deepEqual(await headings.allInnerTexts(), firstPage);
  });

  test('status page shows what /healthz returns', { timeout: STEP_TIMEOUT_MS }, async () => {
    const response = await fetchFully(url('/healthz'));
    await page.goto(url('/status'));
    const summary = page.getByTestId('health-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), new RegExp(`HTTP ${response.status}`));
    const displayed = (await page.getByTestId('health-body').innerText()).trim();

    // Timings inside the body change from call to call, so the page is
    // compared with a second fetch by structure: overall status, check
    // names and each check's status.
    let expected;
    try {
      expected = JSON.parse(response.body);
    } catch {
      assert.equal(displayed, response.body.trim());
      return;
    }
    const shown = JSON.parse(displayed);
    assert.equal(shown.status, expected.status);
    const checks = expected.checks ?? {};
    assert.deepEqual(Object.keys(shown.checks ?? {}).sort(), Object.keys(checks).sort());
    for (const [name, check] of Object.entries(checks)) {
      assert.equal(shown.checks[name].status, check.status, `status of check ${name}`);
      await page.locator('table.checks th[scope="row"]', { hasText: name }).waitFor();
    }
    await screenshot('status');
  });

  test('phone width fits without sideways scrolling', { timeout: STEP_TIMEOUT_MS }, async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const pathname of ['/', `/article/${encodeURIComponent(articleSlug)}`, '/editor', '/settings']) {
        await page.goto(url(pathname));
        await page.locator('main .container').first().waitFor();
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${pathname} is ${overflow}px wider than the viewport`);
      }
      await page.goto(url('/'));
      await waitForArticleList();
      await screenshot('home-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('nginx sends security and cache headers', { timeout: STEP_TIMEOUT_MS }, async () => {
    const index = await fetchFully(url('/some/client/route'));
    assert.equal(index.status, 200);
    const csp = index.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(index.headers.get('x-frame-options'), 'DENY');
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(index.headers.get('referrer-policy'));
    assert.equal(index.headers.get('cache-control'), 'no-cache');

    const html = index.body;
    const assetPath = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    assert.ok(assetPath, 'index.html loads a hashed script from /assets/');
    assert.doesNotMatch(html.replace(/<script[^>]*\bsrc=[^>]*><\/script>/g, ''), /<script/i, 'index.html has no inline script');
    const asset = await fetchFully(url(assetPath), { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    assert.match(asset.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);

    assert.equal((await fetchFully(url('/assets/missing-file.js'))).status, 404);
    assert.equal((await fetchFully(url('/metrics'))).status, 404);
    const apiResponse = await fetchFully(url('/api/tags'));
    assert.equal(apiResponse.status, 200);
    assert.equal(apiResponse.headers.get('x-frame-options'), 'DENY');
  });

  test('no Content-Security-Policy violations', () => {
    assert.deepEqual(cspViolations, []);
  });
});
