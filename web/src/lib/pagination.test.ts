import { describe, expect, it } from 'vitest';
import { pageCount, pageLinks, pageOffset, parsePage } from './pagination';

describe('pageCount', () => {
  it.each([
    [0, 10, 0],
    [1, 10, 1],
    [10, 10, 1],
    [11, 10, 2],
    [95, 10, 10],
    [-3, 10, 0],
    [Number.NaN, 10, 0],
    [5, 0, 0],
  ])('%d items by %d is %d pages', (total, perPage, expected) => {
    expect(pageCount(total, perPage)).toBe(expected);
  });
});

describe('pageOffset', () => {
  it('starts page 1 at 0', () => {
    expect(pageOffset(1, 10)).toBe(0);
  });

  it('skips whole pages', () => {
    expect(pageOffset(3, 10)).toBe(20);
  });

  it('treats pages below 1 as 1', () => {
    expect(pageOffset(0, 10)).toBe(0);
    expect(pageOffset(-2, 10)).toBe(0);
  });
});

describe('parsePage', () => {
  it.each([
    [null, 1],
    ['', 1],
    ['2', 2],
    ['0', 1],
    ['-1', 1],
    ['1.5', 1],
    ['abc', 1],
    ['12', 12],
  ])('%s is page %d', (value, expected) => {
    expect(parsePage(value)).toBe(expected);
  });
});

describe('pageLinks', () => {
  it('is empty without pages', () => {
    expect(pageLinks(1, 0)).toEqual([]);
  });

  it('lists all of a few pages', () => {
    expect(pageLinks(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('collapses far pages into gaps', () => {
    expect(pageLinks(10, 20)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]);
  });

  it('shows a single hidden page instead of a gap', () => {
    expect(pageLinks(4, 20)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 20]);
  });

  it('clamps the current page', () => {
    expect(pageLinks(99, 3)).toEqual([1, 2, 3]);
  });
});
