import type { ArticleSummary } from '../../news/article.js';
import type { HighlightedText } from '../../news/highlightedText.js';
import type { SearchTerms } from '../../news/searchQuery.js';
import type { Page } from './newsStore.js';

export type SearchSort = 'relevance' | 'newest';
export const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'newest'];

/** Which published stories a reader's search wants. */
export interface ArticleSearchQuery {
  readonly terms: SearchTerms;
  readonly sectionSlug?: string;
  readonly tagSlug?: string;
  /** A staff author's name or an agency code (`Reuters`), any case. */
  readonly byline?: string;
  /** Published at or after this instant. */
  readonly from?: Date;
  /** Published before this instant. */
  readonly until?: Date;
  readonly sort: SearchSort;
  readonly limit: number;
  readonly offset?: number;
}

/** A story found, with the words that matched marked in its headline and in a passage of its text. */
export interface ArticleSearchHit {
  readonly article: ArticleSummary;
  readonly headline: HighlightedText;
  /** A passage of the body around the matches; the summary when the body did not match. */
  readonly snippet: HighlightedText;
}

/**
 * How many of the newest matching stories a search ranks and pages through.
 * A reader never pages past the first few screens, and capping the
 * candidates keeps a word found in half the archive as quick as a rare one;
 * the total then says "more than" (`more`).
 */
export const SEARCH_CANDIDATES = 1_000;

/** A page of stories found; `total` counts at most SEARCH_CANDIDATES, and `more` says there were more. */
export interface ArticleSearchPage extends Page<ArticleSearchHit> {
  readonly more: boolean;
}

/** Full-text search of published stories (the index of migration 0011). */
export interface ArticleSearchStore {
  searchArticles(query: ArticleSearchQuery): Promise<ArticleSearchPage>;
}

/** The page's size, cut where the ranked candidates end: a page never reaches past SEARCH_CANDIDATES. */
export function pageLimit(query: ArticleSearchQuery): number {
  return Math.max(0, Math.min(query.limit, SEARCH_CANDIDATES - (query.offset ?? 0)));
}
