import { type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * PostgreSQL: story read counts' pages are left half empty, so adding to a day's count (the read counter's
 * upsert, thousands of rows every few seconds on an archive's long tail) writes the new row version on the same
 * page, without new index entries (a heap-only update). Full pages sent most of those updates to another page
 * with an entry in both indexes: 500 rows took 5.4–7.8 ms of a backend against 3.8–5.0 ms half empty, and the
 * dead versions fed autovacuum (bench/RESULTS.md, 2026-12-06). It applies to pages written from now on; each day's
 * counts are new rows, so the table follows within a day. SQLite has no such setting: nothing changes there.
 */
export function articleViewsRoomForUpdatesMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`alter table article_views set (fillfactor = 50)`.execute(db);
    },
  };
}
