import type { ArticleSummary } from '../news/article.js';

// Every public URL is built here so links and routes cannot drift apart.
// Slugs may hold letters of any script (an Urdu headline's words): they are
// percent-encoded here, as a Location header and a sitemap need them.

export function articleUrl(article: Pick<ArticleSummary, 'id' | 'slug'>): string {
  return `/news/${article.id}/${encodeURIComponent(article.slug)}`;
}

/**
 * First path segments the site uses itself. A section whose slug is one of
 * these (the paper has a Markets section, and /markets is the market data
 * page) is listed under /sections/{slug} instead.
 */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  'api',
  'archive',
  'authors',
  'build',
  'feeds',
  'markets',
  'news',
  'print',
  'search',
  'sections',
  'sitemaps',
  'tags',
]);

export function sectionUrl(slug: string, page = 1): string {
  const path = RESERVED_SEGMENTS.has(slug) ? `/sections/${slug}` : `/${slug}`;
  return page > 1 ? `${path}?page=${page}` : path;
}

export function tagUrl(slug: string, page = 1): string {
  const path = `/tags/${encodeURIComponent(slug)}`;
  return page > 1 ? `${path}?page=${page}` : path;
}

export function authorUrl(slug: string, page = 1): string {
  return page > 1 ? `/authors/${slug}?page=${page}` : `/authors/${slug}`;
}

/** A day of the archive: `/archive/2026/01/31` for the Karachi date `2026-01-31`. */
export function archiveDayUrl(date: string, page = 1): string {
  const path = `/archive/${date.replaceAll('-', '/')}`;
  return page > 1 ? `${path}?page=${page}` : path;
}

/** The formats every feed comes in. */
export type FeedFormat = 'rss' | 'atom' | 'json';
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];
const FEED_EXTENSION: Readonly<Record<FeedFormat, string>> = { rss: 'xml', atom: 'atom', json: 'json' };

/** What a feed follows: the latest stories, or one section, tag or author's. */
export type FeedSubject =
  | { readonly kind: 'latest' }
  | { readonly kind: 'section' | 'tag' | 'author'; readonly slug: string };

/** `/feeds/latest.xml` (RSS), `/feeds/tags/imf.atom`, `/feeds/authors/afp.json`. */
export function feedUrl(subject: FeedSubject, format: FeedFormat): string {
  const extension = FEED_EXTENSION[format];
  switch (subject.kind) {
    case 'latest':
      return `/feeds/latest.${extension}`;
    case 'section':
      return `/feeds/sections/${subject.slug}.${extension}`;
    case 'tag':
      return `/feeds/tags/${encodeURIComponent(subject.slug)}.${extension}`;
    case 'author':
      return `/feeds/authors/${subject.slug}.${extension}`;
  }
}

/** The format a feed file name asks for (`imf.atom` → atom), with the slug before it; null for anything else. */
export function parseFeedFile(file: string): { readonly slug: string; readonly format: FeedFormat } | null {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return null;
  const extension = file.slice(dot + 1);
  const format = FEED_FORMATS.find((candidate) => FEED_EXTENSION[candidate] === extension);
  return format === undefined ? null : { slug: file.slice(0, dot), format };
}

export const SITEMAP_INDEX_URL = '/sitemap.xml';
export const NEWS_SITEMAP_URL = '/sitemaps/news.xml';
export const SECTIONS_SITEMAP_URL = '/sitemaps/sections.xml';
export const TAGS_SITEMAP_URL = '/sitemaps/tags.xml';
export const MARKETS_SITEMAP_URL = '/sitemaps/markets.xml';
export const AUTHORS_SITEMAP_URL = '/sitemaps/authors.xml';

/** The article sitemap of one Karachi month (`2026-01`). */
export function articleSitemapUrl(month: string): string {
  return `/sitemaps/articles-${month}.xml`;
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
/** Every story, newest first; and the directories of topics (tags) and sections. */
export const LATEST_NEWS_URL = '/news';
export const TAGS_URL = '/tags';
export const SECTIONS_URL = '/sections';
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
