import type { Kysely } from 'kysely';
import { isEmptySearch } from '../../news/searchQuery.js';
import type { Database, StoreDialect } from '../database.js';
import type { ArticleSearchStore } from './articleSearchQuery.js';
import { postgresArticleSearch } from './postgresArticleSearch.js';
import { sqliteArticleSearch } from './sqliteArticleSearch.js';

/** The one search store for the engine in use; both answer the same query the same way. */
export function createArticleSearchStore(db: Kysely<Database>, dialect: StoreDialect): ArticleSearchStore {
  const engine = dialect === 'sqlite' ? sqliteArticleSearch(db) : postgresArticleSearch(db);
  return {
    async searchArticles(query) {
      assertCount('limit', query.limit);
      assertCount('offset', query.offset ?? 0);
      if (isEmptySearch(query.terms)) return { items: [], total: 0 };
      return engine.searchArticles(query);
    },
  };
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}
