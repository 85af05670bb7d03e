import type { ArticleChange } from '../news/articleChange.js';

/**
 * A newsroom change that readers must see at once, in the newsroom's words:
 * what changed, never which cached pages show it. Each web node's page cache
 * hears it on the bus and works out its own pages.
 */
export type ContentChange =
  /** A story was published, edited, corrected, unpublished or killed. */
  | ({ readonly kind: 'article' } & ArticleChange)
  /** Comments were approved, rejected or removed on these stories. */
  | { readonly kind: 'comments'; readonly articleIds: readonly number[] }
  /** The layout of one day's print edition changed. */
  | { readonly kind: 'printEdition'; readonly date: string }
  /** Tags were renamed or merged: the slugs before and after. */
  | { readonly kind: 'tags'; readonly slugs: readonly string[] }
  /** A section was created, renamed, moved or deleted: the slugs before and after. */
  | { readonly kind: 'sections'; readonly slugs: readonly string[] }
  /** Editors pinned or unpinned stories on the front page. */
  | { readonly kind: 'frontPage' }
  /** A story's featured picture, or a library picture's words, changed: it shows on its story and in every list. */
  | { readonly kind: 'pictures'; readonly articleIds: readonly number[] };

/** The announcement of a story's change. */
export function articleChanged(change: ArticleChange): ContentChange {
  return { kind: 'article', ...change };
}
