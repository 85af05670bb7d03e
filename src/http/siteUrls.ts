import type { ArticleSummary } from '../news/article.js';

// Every public URL is built here so links and routes cannot drift apart.

export function articleUrl(article: Pick<ArticleSummary, 'id' | 'slug'>): string {
  return `/news/${article.id}/${article.slug}`;
}

/**
 * First path segments the site uses itself. A section whose slug is one of
 * these (the paper has a Markets section, and /markets is the market data
 * page) is listed under /sections/{slug} instead.
 */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  'api',
  'build',
  'markets',
  'news',
  'print',
  'search',
  'sections',
  'tags',
]);

export function sectionUrl(slug: string, page = 1): string {
  const path = RESERVED_SEGMENTS.has(slug) ? `/sections/${slug}` : `/${slug}`;
  return page > 1 ? `${path}?page=${page}` : path;
}

export function tagUrl(slug: string, page = 1): string {
  return page > 1 ? `/tags/${slug}?page=${page}` : `/tags/${slug}`;
}

export function printUrl(date: string): string {
  return `/print/${date}`;
}

/** One rendition of a library picture: `/media/12/640.webp`. Immutable: a new picture gets a new id. */
export function mediaUrl(id: number, width: number, extension: 'webp' | 'jpg'): string {
  return `/media/${id}/${width}.${extension}`;
}

/**
 * The generated share picture of a story without a photo. `version` names the
 * card's content (headline, section), so a changed headline gets a new address
 * and every cached copy of the old one may live for a year.
 */
export function articleCardUrl(id: number, version: string): string {
  return `/news/${id}/card.png?v=${version}`;
}

/** The publisher's logo for structured data: a raster image, as search engines ask. */
export const PUBLISHER_LOGO_URL = '/logo.png';

export const MARKETS_URL = '/markets';
export const CURRENCY_URL = '/markets/currency/usd-pkr';
export const PRINT_URL = '/print';
export const MARKET_SEARCH_URL = '/markets/search';
/** Stories and instruments: `/search?q=`. */
export const SEARCH_URL = '/search';

/** A stock's page: symbols are upper case (`/markets/stocks/OGDC`). */
export function stockUrl(symbol: string): string {
  return `/markets/stocks/${encodeURIComponent(symbol)}`;
}

/** An index's page: `/markets/indices/KSE100`. */
export function indexUrl(code: string): string {
  return `/markets/indices/${encodeURIComponent(code)}`;
}

/**
 * Where the navigation sends readers for a section: the Markets section's
 * home is the market data page, which also lists its latest stories.
 */
export function sectionNavUrl(slug: string): string {
  return slug === 'markets' ? MARKETS_URL : sectionUrl(slug);
}
