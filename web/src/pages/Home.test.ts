import { describe, expect, it } from 'vitest';
import { selectHomeFeed } from './Home';

describe('selectHomeFeed', () => {
  it('opens your feed for a signed-in user', () => {
    expect(selectHomeFeed(null, true)).toBe('following');
    expect(selectHomeFeed('following', true)).toBe('following');
  });

  it('shows the global feed on request', () => {
    expect(selectHomeFeed('global', true)).toBe('global');
  });

  it('shows the global feed when signed out', () => {
    expect(selectHomeFeed(null, false)).toBe('global');
    expect(selectHomeFeed('following', false)).toBe('global');
    expect(selectHomeFeed('global', false)).toBe('global');
  });

  it('treats an unknown value as the default', () => {
    expect(selectHomeFeed('unknown', true)).toBe('following');
    expect(selectHomeFeed('unknown', false)).toBe('global');
  });
});
