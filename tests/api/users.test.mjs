// Registration, login, current user and user updates.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import {
  PASSWORD,
  expectErrors,
  expectJson,
  expectUser,
  get,
  post,
  put,
  registerUser,
  uniqueName,
} from './lib/client.mjs';

function newUserFields(prefix = 'reg') {
  const username = uniqueName(prefix);
  return { username, email: `${username}@example.test`, password: PASSWORD };
}

function register(user) {
  return post('/api/users', { json: { user } });
}

function login(user) {
  return post('/api/users/login', { json: { user } });
}

function update(token, user) {
  return put('/api/user', { token, json: { user } });
}

describe('POST /api/users', () => {
  it('returns 201 with the new user', async () => {
    const fields = newUserFields();
    const body = expectJson(await register(fields), 201);
    assert.deepEqual(Object.keys(body), ['user']);
    expectUser(body.user, { username: fields.username, email: fields.email, bio: null, image: null });
  });

  it('returns a token that authenticates', async () => {
    const fields = newUserFields();
    const { user } = expectJson(await register(fields), 201);
    const current = expectJson(await get('/api/user', { token: user.token }), 200);
    expectUser(current.user, { username: fields.username, email: fields.email, bio: null, image: null });
  });

  for (const field of ['username', 'email', 'password']) {
    it(`rejects blank ${field} with 422`, async () => {
      const fields = { ...newUserFields(), [field]: '' };
      expectErrors(await register(fields), 422, field, "can't be blank");
    });

    it(`rejects missing ${field} with 422`, async () => {
      const fields = newUserFields();
      delete fields[field];
      expectErrors(await register(fields), 422, field);
    });

    it(`rejects null ${field} with 422`, async () => {
      const fields = { ...newUserFields(), [field]: null };
      expectErrors(await register(fields), 422, field);
    });
  }

  it('rejects whitespace-only username with 422', async () => {
    const fields = { ...newUserFields(), username: '   ' };
    expectErrors(await register(fields), 422, 'username');
  });

  for (const email of ['not-an-email', 'missing-domain@', '@missing-local.test', 'two@@example.test', 'has space@example.test']) {
    it(`rejects invalid email "${email}" with 422`, async () => {
      const fields = { ...newUserFields(), email };
      expectErrors(await register(fields), 422, 'email');
    });
  }

  it('rejects 7-character password with 422', async () => {
    const fields = { ...newUserFields(), password: 'short7c' };
    expectErrors(await register(fields), 422, 'password');
  });

  it('rejects 65-character password with 422', async () => {
    const fields = { ...newUserFields(), password: 'a'.repeat(65) };
    expectErrors(await register(fields), 422, 'password');
  });

  it('accepts 8-character password', async () => {
    const fields = { ...newUserFields(), password: 'bonjour1' };
    expectJson(await register(fields), 201);
    expectJson(await login({ email: fields.email, password: fields.password }), 200);
  });

  it('accepts 64-character password', async () => {
    const fields = { ...newUserFields(), password: 'b'.repeat(64) };
    expectJson(await register(fields), 201);
    expectJson(await login({ email: fields.email, password: fields.password }), 200);
  });

  it('accepts 64 non-ASCII characters as password', async () => {
    const fields = { ...newUserFields(), password: 'é'.repeat(64) };
    expectJson(await register(fields), 201);
    expectJson(await login({ email: fields.email, password: fields.password }), 200);
  });

  it('rejects 7 non-ASCII characters as password', async () => {
    const fields = { ...newUserFields(), password: '密码密码密码密' };
    expectErrors(await register(fields), 422, 'password');
  });

  it('rejects missing user object with 422', async () => {
    const response = await post('/api/users', { json: newUserFields() });
    expectErrors(response, 422);
  });

  it('rejects taken username with 409', async () => {
    const existing = await registerUser('dup');
    const fields = { ...newUserFields(), username: existing.username };
    expectErrors(await register(fields), 409, 'username', 'has already been taken');
  });

  it('rejects taken email with 409', async () => {
    const existing = await registerUser('dup');
    const fields = { ...newUserFields(), email: existing.email };
    expectErrors(await register(fields), 409, 'email', 'has already been taken');
  });

  it('rejects taken email in other case with 409', async () => {
    const existing = await registerUser('dup');
    const fields = { ...newUserFields(), email: existing.email.toUpperCase() };
    expectErrors(await register(fields), 409, 'email', 'has already been taken');
  });
});

describe('POST /api/users/login', () => {
  let account;

  before(async () => {
    account = await registerUser('login');
  });

  it('returns 200 with the user', async () => {
    const body = expectJson(await login({ email: account.email, password: account.password }), 200);
    assert.deepEqual(Object.keys(body), ['user']);
    expectUser(body.user, { username: account.username, email: account.email, bio: null, image: null });
  });

  it('returns a token that authenticates', async () => {
    const { user } = expectJson(await login({ email: account.email, password: account.password }), 200);
    const current = expectJson(await get('/api/user', { token: user.token }), 200);
    expectUser(current.user, { username: account.username });
  });

  it('matches email regardless of case', async () => {
    const body = expectJson(await login({ email: account.email.toUpperCase(), password: account.password }), 200);
    expectUser(body.user, { username: account.username });
  });

  it('rejects wrong password with 401', async () => {
    const response = await login({ email: account.email, password: 'wrongpassword' });
    expectErrors(response, 401, 'credentials', 'invalid');
  });

  it('rejects unknown email with 401', async () => {
    const response = await login({ email: `${uniqueName('nobody')}@example.test`, password: PASSWORD });
    expectErrors(response, 401, 'credentials', 'invalid');
  });

  it('rejects blank email with 422', async () => {
    const response = await login({ email: '', password: PASSWORD });
    expectErrors(response, 422, 'email', "can't be blank");
  });

  it('rejects blank password with 422', async () => {
    const response = await login({ email: account.email, password: '' });
    expectErrors(response, 422, 'password', "can't be blank");
  });

  it('rejects missing email with 422', async () => {
    expectErrors(await login({ password: PASSWORD }), 422, 'email');
  });

  it('rejects missing password with 422', async () => {
    expectErrors(await login({ email: account.email }), 422, 'password');
  });
});

describe('GET /api/user', () => {
  it('returns the current user', async () => {
    const account = await registerUser('me');
    const body = expectJson(await get('/api/user', { token: account.token }), 200);
    assert.deepEqual(Object.keys(body), ['user']);
    expectUser(body.user, { username: account.username, email: account.email, bio: null, image: null });
  });

  it('rejects missing token with 401', async () => {
    expectErrors(await get('/api/user'), 401, 'token', 'is missing');
  });
});

describe('PUT /api/user', () => {
  let account;

  before(async () => {
    account = await registerUser('upd');
  });

  async function currentUser(token = account.token) {
    return expectJson(await get('/api/user', { token }), 200).user;
  }

  it('updates bio and persists it', async () => {
    const body = expectJson(await update(account.token, { bio: 'Updated bio' }), 200);
    expectUser(body.user, { username: account.username, email: account.email, bio: 'Updated bio', image: null });
    expectUser(await currentUser(), { bio: 'Updated bio' });
  });

  it('stores empty bio as null', async () => {
    expectJson(await update(account.token, { bio: 'Temporary bio' }), 200);
    const body = expectJson(await update(account.token, { bio: '' }), 200);
    expectUser(body.user, { bio: null });
    expectUser(await currentUser(), { bio: null });
  });

  it('accepts null bio', async () => {
    expectJson(await update(account.token, { bio: 'Temporary bio' }), 200);
    const body = expectJson(await update(account.token, { bio: null }), 200);
    expectUser(body.user, { bio: null });
    expectUser(await currentUser(), { bio: null });
  });

  it('updates image and persists it', async () => {
    const image = 'https://example.test/photo.jpg';
    const body = expectJson(await update(account.token, { image }), 200);
    expectUser(body.user, { image });
    expectUser(await currentUser(), { image });
  });

  it('stores empty image as null', async () => {
    expectJson(await update(account.token, { image: 'https://example.test/temp.jpg' }), 200);
    const body = expectJson(await update(account.token, { image: '' }), 200);
    expectUser(body.user, { image: null });
    expectUser(await currentUser(), { image: null });
  });

  it('accepts null image', async () => {
    expectJson(await update(account.token, { image: 'https://example.test/temp.jpg' }), 200);
    const body = expectJson(await update(account.token, { image: null }), 200);
    expectUser(body.user, { image: null });
    expectUser(await currentUser(), { image: null });
  });

  it('leaves omitted fields unchanged', async () => {
    const user = await registerUser('keep');
    expectJson(await update(user.token, { bio: 'kept bio', image: 'https://example.test/kept.jpg' }), 200);
    const body = expectJson(await update(user.token, { bio: 'new bio' }), 200);
    expectUser(body.user, {
      username: user.username,
      email: user.email,
      bio: 'new bio',
      image: 'https://example.test/kept.jpg',
    });
  });

  it('accepts unchanged username and email', async () => {
    const body = expectJson(await update(account.token, { username: account.username, email: account.email }), 200);
    expectUser(body.user, { username: account.username, email: account.email });
  });

  it('changes username and email, token keeps working', async () => {
    const user = await registerUser('ren');
    expectJson(await update(user.token, { bio: 'renamed bio' }), 200);
    const username = uniqueName('renamed');
    const email = `${username}@example.test`;

    const body = expectJson(await update(user.token, { username, email }), 200);
    expectUser(body.user, { username, email, bio: 'renamed bio', image: null });

    const current = await currentUser(body.user.token);
    expectUser(current, { username, email, bio: 'renamed bio', image: null });

    const profile = expectJson(await get(`/api/profiles/${username}`), 200).profile;
    assert.equal(profile.username, username);
    expectErrors(await get(`/api/profiles/${user.username}`), 404, 'profile', 'not found');

    const loggedIn = expectJson(await login({ email, password: user.password }), 200);
    expectUser(loggedIn.user, { username, email });
    expectErrors(await login({ email: user.email, password: user.password }), 401, 'credentials', 'invalid');
  });

  it('changes password, new one logs in', async () => {
    const user = await registerUser('pwd');
    const newPassword = 'n3w-password-value';
    const body = expectJson(await update(user.token, { password: newPassword }), 200);
    expectUser(body.user, { username: user.username, email: user.email });

    const loggedIn = expectJson(await login({ email: user.email, password: newPassword }), 200);
    expectUser(loggedIn.user, { username: user.username });
    expectErrors(await login({ email: user.email, password: user.password }), 401, 'credentials', 'invalid');
  });

  it('accepts 8- and 64-character passwords', async () => {
    const user = await registerUser('pwlen');
    expectJson(await update(user.token, { password: 'bonjour1' }), 200);
    expectJson(await login({ email: user.email, password: 'bonjour1' }), 200);
    const longPassword = 'c'.repeat(64);
    expectJson(await update(user.token, { password: longPassword }), 200);
    expectJson(await login({ email: user.email, password: longPassword }), 200);
  });

  const invalidUpdates = [
    ['blank email', { email: '' }, 'email'],
    ['null email', { email: null }, 'email'],
    ['invalid email', { email: 'not-an-email' }, 'email'],
    ['blank username', { username: '' }, 'username'],
    ['null username', { username: null }, 'username'],
    ['blank password', { password: '' }, 'password'],
    ['null password', { password: null }, 'password'],
    ['7-character password', { password: 'short7c' }, 'password'],
    ['65-character password', { password: 'd'.repeat(65) }, 'password'],
    ['numeric bio', { bio: 42 }, 'bio'],
    ['object image', { image: { url: 'x' } }, 'image'],
  ];
  for (const [name, fields, field] of invalidUpdates) {
    it(`rejects ${name} with 422`, async () => {
      expectErrors(await update(account.token, fields), 422, field);
      const current = await currentUser();
      assert.equal(current.username, account.username);
      assert.equal(current.email, account.email);
    });
  }

  it('rejects empty user object with 422', async () => {
    expectErrors(await update(account.token, {}), 422);
  });

  it('rejects taken username with 409', async () => {
    const other = await registerUser('taken');
    const response = await update(account.token, { username: other.username });
    expectErrors(response, 409, 'username', 'has already been taken');
    assert.equal((await currentUser()).username, account.username);
  });

  it('rejects taken email with 409', async () => {
    const other = await registerUser('taken');
    const response = await update(account.token, { email: other.email });
    expectErrors(response, 409, 'email', 'has already been taken');
    assert.equal((await currentUser()).email, account.email);
  });

  it('rejects missing token with 401', async () => {
    expectErrors(await put('/api/user', { json: { user: { bio: 'x' } } }), 401, 'token', 'is missing');
  });
});
