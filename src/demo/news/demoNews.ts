import type { ArticleDraft, Section } from '../../news/article.js';

/** Everything the store seeds a fresh site with: sections, a month of articles and reader comments. */
export interface DemoNews {
  readonly sections: readonly Section[];
  /** Oldest first, so ids assigned in insertion order rise with publication time. */
  readonly articles: readonly ArticleDraft[];
  readonly comments: readonly DemoComment[];
}

/** A reader comment on `articles[articleIndex]`. */
export interface DemoComment {
  readonly articleIndex: number;
  readonly name: string;
  readonly email: string;
  readonly body: string;
  readonly status: 'approved' | 'pending';
  readonly createdAt: Date;
}
