import { describe, expect, it } from 'vitest';
import { mergeTags, parseTags } from './tags';

describe('parseTags', () => {
  it('splits on commas and whitespace', () => {
    expect(parseTags(' react, vite  css\ttesting ')).toEqual(['react', 'vite', 'css', 'testing']);
  });

  it('drops empty entries and leading hashes', () => {
    expect(parseTags(',, #news ,##two,')).toEqual(['news', 'two']);
  });
});

describe('mergeTags', () => {
  it('keeps order and drops duplicates', () => {
    expect(mergeTags(['a', 'b'], ['b', 'c', 'a', 'd'])).toEqual(['a', 'b', 'c', 'd']);
  });
});
