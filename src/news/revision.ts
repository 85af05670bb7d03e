import type { Block, Byline } from './article.js';

/**
 * Everything a newsroom edit can change: what a revision keeps in full, so
 * any revision can be shown, compared or restored on its own.
 */
export interface ArticleFields {
  readonly headline: string;
  /** The standfirst: one or two sentences under the headline. */
  readonly summary: string;
  readonly sectionSlug: string;
  readonly byline: Byline;
  /** Bylines after the first; absent for one (and in revisions saved before stories had several). */
  readonly moreBylines?: readonly Byline[];
  readonly dateline: string | null;
  readonly body: readonly Block[];
  /** Display names as the editor typed them; the store canonicalises them. */
  readonly tags: readonly string[];
  readonly printPage: number | null;
  /** Title for search engines and shares when the headline does not suit; null uses the headline. */
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
}

/** Who made a change, as the newsroom records it. */
export interface RevisionAuthor {
  readonly kind: 'user' | 'token' | 'system';
  readonly id: number | null;
  readonly name: string;
}

/** One saved state of an article. Numbers start at 1 and go up by one per save, per article. */
export interface Revision {
  readonly articleId: number;
  readonly number: number;
  readonly author: RevisionAuthor;
  readonly at: Date;
  readonly note: string;
  readonly fields: ArticleFields;
}

/** A revision without its content, for the history list. */
export type RevisionEntry = Omit<Revision, 'fields'>;
