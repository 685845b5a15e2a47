// Profiles: reading, following and unfollowing.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { del, expectErrors, expectJson, expectProfile, get, post, profilePath, put, registerUser, uniqueName } from './lib/client.mjs';

describe('GET /api/profiles/:username', () => {
  let reader;
  let celeb;

  before(async () => {
    reader = await registerUser('prof');
    celeb = await registerUser('celeb');
  });

  it('returns profile to anonymous caller', async () => {
    const body = expectJson(await get(profilePath(celeb.username)), 200);
    assert.deepEqual(Object.keys(body), ['profile']);
    expectProfile(body.profile, { username: celeb.username, bio: null, image: null, following: false });
  });

  it('returns following false when not followed', async () => {
    const body = expectJson(await get(profilePath(celeb.username), { token: reader.token }), 200);
    expectProfile(body.profile, { username: celeb.username, bio: null, image: null, following: false });
  });

  it('shows updated bio and image', async () => {
    const user = await registerUser('bio');
    const image = 'https://example.test/avatar.png';
    expectJson(await put('/api/user', { token: user.token, json: { user: { bio: 'I write', image } } }), 200);
    const body = expectJson(await get(profilePath(user.username)), 200);
    expectProfile(body.profile, { username: user.username, bio: 'I write', image, following: false });
  });

  it('returns own profile with following false', async () => {
    const body = expectJson(await get(profilePath(reader.username), { token: reader.token }), 200);
    expectProfile(body.profile, { username: reader.username, following: false });
  });

  it('rejects unknown username with 404', async () => {
    expectErrors(await get(profilePath(uniqueName('nobody'))), 404, 'profile', 'not found');
  });
});

describe('POST /api/profiles/:username/follow', () => {
  let follower;
  let celeb;

  before(async () => {
    follower = await registerUser('fol');
    celeb = await registerUser('celeb');
  });

  it('follows and returns following true', async () => {
    const body = expectJson(await post(profilePath(celeb.username, '/follow'), { token: follower.token }), 200);
    assert.deepEqual(Object.keys(body), ['profile']);
    expectProfile(body.profile, { username: celeb.username, bio: null, image: null, following: true });
  });

  it('persists the follow for the follower only', async () => {
    const mine = expectJson(await get(profilePath(celeb.username), { token: follower.token }), 200);
    expectProfile(mine.profile, { following: true });

    const anonymous = expectJson(await get(profilePath(celeb.username)), 200);
    expectProfile(anonymous.profile, { following: false });

    const stranger = await registerUser('str');
    const theirs = expectJson(await get(profilePath(celeb.username), { token: stranger.token }), 200);
    expectProfile(theirs.profile, { following: false });

    const reverse = expectJson(await get(profilePath(follower.username), { token: celeb.token }), 200);
    expectProfile(reverse.profile, { following: false });
  });

  it('is idempotent when repeated', async () => {
    const body = expectJson(await post(profilePath(celeb.username, '/follow'), { token: follower.token }), 200);
    expectProfile(body.profile, { username: celeb.username, following: true });
  });

  it('rejects unknown username with 404', async () => {
    const response = await post(profilePath(uniqueName('nobody'), '/follow'), { token: follower.token });
    expectErrors(response, 404, 'profile', 'not found');
  });

  it('rejects missing token with 401', async () => {
    expectErrors(await post(profilePath(celeb.username, '/follow')), 401, 'token', 'is missing');
  });
});

describe('DELETE /api/profiles/:username/follow', () => {
  let follower;
  let celeb;

  before(async () => {
    follower = await registerUser('unf');
    celeb = await registerUser('celeb');
    expectJson(await post(profilePath(celeb.username, '/follow'), { token: follower.token }), 200);
  });

  it('unfollows and returns following false', async () => {
    const body = expectJson(await del(profilePath(celeb.username, '/follow'), { token: follower.token }), 200);
    assert.deepEqual(Object.keys(body), ['profile']);
    expectProfile(body.profile, { username: celeb.username, bio: null, image: null, following: false });

    const after = expectJson(await get(profilePath(celeb.username), { token: follower.token }), 200);
    expectProfile(after.profile, { following: false });
  });

  it('is idempotent when repeated', async () => {
    const body = expectJson(await del(profilePath(celeb.username, '/follow'), { token: follower.token }), 200);
    expectProfile(body.profile, { username: celeb.username, following: false });
  });

  it('accepts a never-followed user', async () => {
    const other = await registerUser('never');
    const body = expectJson(await del(profilePath(other.username, '/follow'), { token: follower.token }), 200);
    expectProfile(body.profile, { username: other.username, following: false });
  });

  it('rejects unknown username with 404', async () => {
    const response = await del(profilePath(uniqueName('nobody'), '/follow'), { token: follower.token });
    expectErrors(response, 404, 'profile', 'not found');
  });

  it('rejects missing token with 401', async () => {
    expectErrors(await del(profilePath(celeb.username, '/follow')), 401, 'token', 'is missing');
  });
});
