import type { Kysely } from 'kysely';
import { SUMMARY_COLUMNS, toSummary } from './articleRows.js';
import { PUBLISHED } from './articleQueries.js';
import type { Database } from './database.js';
import { karachiDateOf, karachiDayRange } from './karachiDay.js';
import type { PrintEdition } from './newsStore.js';

/**
 * The print edition of one Karachi calendar day: stories with a print page
 * published within that day, by page then time, and the nearest days either
 * side that have one.
 */
export async function printEdition(db: Kysely<Database>, date: string): Promise<PrintEdition> {
  const { startMs, endMs } = karachiDayRange(date);
  const rows = await db
    .selectFrom('articles')
    .select(SUMMARY_COLUMNS)
    .where('print_page', 'is not', null)
    .where('status', '=', PUBLISHED)
    .where('published_at', '>=', startMs)
    .where('published_at', '<', endMs)
    .orderBy('print_page', 'asc')
    .orderBy('published_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const previous = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('published_at').as('at'))
    .where('print_page', 'is not', null)
    .where('status', '=', PUBLISHED)
    .where('published_at', '<', startMs)
    .executeTakeFirst();
  const next = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.min('published_at').as('at'))
    .where('print_page', 'is not', null)
    .where('status', '=', PUBLISHED)
    .where('published_at', '>=', endMs)
    .executeTakeFirst();
  return {
    date,
    articles: rows.map(toSummary),
    previousDate: dateOrNull(previous?.at),
    nextDate: dateOrNull(next?.at),
  };
}

export async function latestPrintDate(db: Kysely<Database>): Promise<string | null> {
  const latest = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('published_at').as('at'))
    .where('print_page', 'is not', null)
    .where('status', '=', PUBLISHED)
    .executeTakeFirst();
  return dateOrNull(latest?.at);
}

function dateOrNull(epochMs: number | null | undefined): string | null {
  return epochMs == null ? null : karachiDateOf(Number(epochMs));
}
