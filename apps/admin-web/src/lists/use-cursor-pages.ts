import { useState } from 'react';

/**
 * Relay cursor pages: remembers the `after` cursor of each page visited so "previous" works, and
 * starts again at page 1 whenever `filterKey` (the filters, the page size) changes.
 */
export function useCursorPages(filterKey: string) {
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | null> }>({ key: filterKey, cursors: [null] });
  const cursors = paging.key === filterKey ? paging.cursors : [null];
  return {
    after: cursors[cursors.length - 1] ?? null,
    page: cursors.length,
    next: (endCursor: string) => setPaging({ key: filterKey, cursors: [...cursors, endCursor] }),
    previous: () => setPaging({ key: filterKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : [null] }),
  };
}

export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** The page size in an address (`size`), the first one when missing or not offered. */
export function pageSizeFromParam(value: string | null): PageSize {
  return PAGE_SIZES.find((s) => String(s) === value) ?? PAGE_SIZES[0];
}
