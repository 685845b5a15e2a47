// Page arithmetic for lists that the API returns with `limit` and `offset`.

export const ARTICLES_PER_PAGE = 10;

/** Number of pages needed for `total` items; 0 when there are none. */
export function pageCount(total: number, perPage: number): number {
  if (!Number.isFinite(total) || total <= 0 || perPage <= 0) {
    return 0;
  }
  return Math.ceil(total / perPage);
}

/** API offset of the first item on 1-based `page`. */
export function pageOffset(page: number, perPage: number): number {
  return (Math.max(1, Math.floor(page)) - 1) * perPage;
}

/** Reads a 1-based page number from a query value; anything invalid is page 1. */
export function parsePage(value: string | null): number {
  if (value === null || !/^\d+$/.test(value)) {
    return 1;
  }
  const page = Number.parseInt(value, 10);
  return page >= 1 ? page : 1;
}

export type PageLink = number | 'gap';

/**
 * Lists the page links to show: always the first and last page, `around`
 * pages on each side of the current one, and 'gap' where pages are skipped.
 * A gap that would hide a single page shows that page instead.
 */
export function pageLinks(current: number, total: number, around = 2): PageLink[] {
  if (total <= 0) {
    return [];
  }
  const page = Math.min(Math.max(1, current), total);
  const visible = new Set<number>([1, total]);
  for (let p = page - around; p <= page + around; p += 1) {
    if (p >= 1 && p <= total) {
      visible.add(p);
    }
  }
  const sorted = [...visible].sort((a, b) => a - b);
  const links: PageLink[] = [];
  let previous = 0;
  for (const p of sorted) {
    if (p - previous === 2) {
      links.push(p - 1);
    } else if (p - previous > 2) {
      links.push('gap');
    }
    links.push(p);
    previous = p;
  }
  return links;
}
