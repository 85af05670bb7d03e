import { type Kysely, type RawBuilder, sql } from 'kysely';
import { isEmptySearch, type SearchTerms } from '../../news/searchQuery.js';
import type { Database, StoreDialect } from '../database.js';
import type { ArticleSearchStore } from './articleSearchQuery.js';
import { postgresArticleSearch, postgresTsquery } from './postgresArticleSearch.js';
import { fts5Expression, sqliteArticleSearch } from './sqliteArticleSearch.js';

/** The one search store for the engine in use; both answer the same query the same way. */
export function createArticleSearchStore(db: Kysely<Database>, dialect: StoreDialect): ArticleSearchStore {
  const engine = dialect === 'sqlite' ? sqliteArticleSearch(db) : postgresArticleSearch(db);
  return {
    async searchArticles(query) {
      assertCount('limit', query.limit);
      assertCount('offset', query.offset ?? 0);
      if (isEmptySearch(query.terms)) return { items: [], total: 0, more: false };
      return engine.searchArticles(query);
    },
  };
}

/**
 * A subquery of the ids of published stories whose indexed text matches
 * `terms` (which must not be empty), for queries of other stores to filter by.
 */
export function indexedIdsMatching(dialect: StoreDialect, terms: SearchTerms): RawBuilder<unknown> {
  return dialect === 'sqlite'
    ? sql`select article_search.rowid from article_search where article_search match ${fts5Expression(terms)}`
    : sql`select article_search.article_id from article_search where article_search.document @@ ${postgresTsquery(terms)}`;
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}
