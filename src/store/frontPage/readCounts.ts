import { type Kysely, sql } from 'kysely';
import type { ArticleSummary } from '../../news/article.js';
import { PUBLISHED } from '../articles/articleQueries.js';
import { SUMMARY_COLUMNS, toSummary } from '../articles/articleRows.js';
import type { Database, StoreDialect } from '../database.js';

/**
 * Stories per statement. The counts go as one JSON parameter, so the statement's text and its parameters do not
 * grow with the batch, and the pages waiting for the connection (SQLite has one) are served between batches
 * rather than after the whole flush.
 */
const STORIES_PER_STATEMENT = 500;

/**
 * Adds reads to the day's counts: each row an atomic increment, so any number of processes add into the same
 * rows without losing a count. An archive's long tail is read a story at a time, so a flush holds thousands of
 * stories. Flushing at all costs about 7 % of the server's CPU a cold page on SQLite (the upserts themselves);
 * writing them this way instead of as query-builder rows, checked against the articles by a query of their own
 * in one transaction, measured the same CPU and p99, and is kept for its fixed statement text and its shorter
 * holds of the connection. Stories deleted since they were read are skipped by the join. A failed batch loses
 * its counts only (reads are a ranking, not a ledger).
 */
export async function addReads(
  db: Kysely<Database>,
  dialect: StoreDialect,
  day: string,
  counts: ReadonlyMap<number, number>,
): Promise<void> {
  const reads = [...counts].filter(([, views]) => views > 0);
  for (let start = 0; start < reads.length; start += STORIES_PER_STATEMENT) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const batch = JSON.stringify(reads.slice(start, start + STORIES_PER_STATEMENT));
    // `where true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join of the SELECT.
    await (dialect === 'sqlite'
      ? sql`insert into article_views (article_id, day, views)
          select articles.id, ${day}, json_extract(j.value, '$[1]')
          from json_each(${batch}) as j join articles on articles.id = json_extract(j.value, '$[0]')
          where true
          on conflict (article_id, day) do update set views = article_views.views + excluded.views`
      : sql`insert into article_views (article_id, day, views)
          select articles.id, ${day}::text, (j.value ->> 1)::bigint
          from json_array_elements(${batch}::json) as j join articles on articles.id = (j.value ->> 0)::integer
          on conflict (article_id, day) do update set views = article_views.views + excluded.views`
    ).execute(db);
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
