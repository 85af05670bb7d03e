/** Stories per page on section and tag pages. */
export const PAGE_SIZE = 20;

export interface PageWindow {
  readonly page: number;
  readonly pageCount: number;
  readonly offset: number;
}

/** Page 1 always exists (an empty section still has a page); beyond the last page is out of range (null). */
export function pageWindow(page: number, total: number): PageWindow | null {
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page < 1 || page > pageCount) return null;
  return { page, pageCount, offset: (page - 1) * PAGE_SIZE };
}

/** The rel=prev/next paths around one page of a list whose page `n` is at `url(n)`. */
export function neighbours(
  pageNumber: number,
  pageCount: number,
  url: (n: number) => string,
): { prevPath?: string; nextPath?: string } {
  return {
    ...(pageNumber > 1 ? { prevPath: url(pageNumber - 1) } : {}),
    ...(pageNumber < pageCount ? { nextPath: url(pageNumber + 1) } : {}),
  };
}
