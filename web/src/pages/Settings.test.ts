import { describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { changedFields } from './Settings';

const user: User = { email: 'ann@example.test', token: 't', username: 'ann', bio: 'Writer', image: null };
const unchanged = { image: '', username: 'ann', bio: 'Writer', email: 'ann@example.test', password: '' };

describe('changedFields', () => {
  it('is empty when nothing changed', () => {
    expect(changedFields(user, unchanged)).toEqual({});
  });

  it('lists changed fields only', () => {
    expect(changedFields(user, { ...unchanged, username: 'anna', password: 'new password' })).toEqual({
      username: 'anna',
      password: 'new password',
    });
  });

  it('sends null for a cleared bio', () => {
    expect(changedFields(user, { ...unchanged, bio: '' })).toEqual({ bio: null });
  });

  it('trims the picture URL', () => {
    expect(changedFields(user, { ...unchanged, image: '  https://example.test/a.png ' })).toEqual({
      image: 'https://example.test/a.png',
    });
  });

  it('sends null for a cleared picture', () => {
    const withImage = { ...user, image: 'https://example.test/a.png' };
    expect(changedFields(withImage, { ...unchanged, image: '   ' })).toEqual({ image: null });
  });
});
