import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { ArticleSummary } from '../../news/article.js';
import { PUBLISHED } from '../articles/articleQueries.js';
import { SUMMARY_COLUMNS, toSummary } from '../articles/articleRows.js';
import type { Database, StoreDialect } from '../database.js';
import { flatReads, readsBatches, SQLITE_ADD_READS } from './readCountStatement.js';

/**
 * Adds reads to the day's counts on this connection: each row an atomic increment, so any number of processes
 * add into the same rows without losing a count. An archive's long tail is read a story at a time, so a flush
 * holds thousands of stories; a SQLite file's flushes run on a thread of their own instead (readCountThread.ts),
 * and this is the path of PostgreSQL (asynchronous already), an in-memory SQLite database, and a file whose
 * thread could not start. Pages waiting for the connection are served between batches. A failed batch loses its
 * counts only (reads are a ranking, not a ledger).
 */
export async function addReads(
  db: Kysely<Database>,
  dialect: StoreDialect,
  day: string,
  counts: ReadonlyMap<number, number>,
): Promise<void> {
  const batches = readsBatches(flatReads(counts));
  for (const [index, batch] of batches.entries()) {
    if (index > 0) await new Promise((resolve) => setImmediate(resolve));
    await db.executeQuery(
      dialect === 'sqlite'
        ? CompiledQuery.raw(SQLITE_ADD_READS, [day, batch])
        : sql`insert into article_views (article_id, day, views)
            select articles.id, ${day}::text, (j.value ->> 1)::bigint
            from json_array_elements(${batch}::json) as j join articles on articles.id = (j.value ->> 0)::integer
            on conflict (article_id, day) do update set views = article_views.views + excluded.views`.compile(db),
    );
  }
}

/** Published stories read most since `fromDay` (a Karachi day, inclusive), most reads first. */
export async function mostRead(
  db: Kysely<Database>,
  query: { readonly fromDay: string; readonly limit: number },
): Promise<ArticleSummary[]> {
  const rows = await db
    .selectFrom('article_views')
    .innerJoin('articles', 'articles.id', 'article_views.article_id')
    .select(SUMMARY_COLUMNS)
    .select((eb) => eb.fn.sum<number | string>('article_views.views').as('reads'))
    .where('article_views.day', '>=', query.fromDay)
    .where('articles.status', '=', PUBLISHED)
    // Grouping by the primary key lets both engines return the other article columns.
    .groupBy('articles.id')
    .orderBy('reads', 'desc')
    .orderBy('articles.published_at', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map(toSummary);
}

/** Reads of one story since `fromDay`, for tests and the desk. */
export async function readsOf(db: Kysely<Database>, articleId: number, fromDay: string): Promise<number> {
  const row = await db
    .selectFrom('article_views')
    .select((eb) => eb.fn.sum<number | string>('views').as('reads'))
    .where('article_id', '=', articleId)
    .where('day', '>=', fromDay)
    .executeTakeFirst();
  return Number(row?.reads ?? 0);
}
