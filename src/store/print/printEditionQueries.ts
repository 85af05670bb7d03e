import type { Kysely } from 'kysely';
import { karachiDateOf, karachiDayRange } from '../../shared/pakistanTime.js';
import { PUBLISHED } from '../articles/articleQueries.js';
import { SUMMARY_COLUMNS, toSummary } from '../articles/articleRows.js';
import type { PrintEdition } from '../articles/newsStore.js';
import type { Database } from '../database.js';
import { latestPlannedDate, plannedEdition, plannedNeighbours } from './printEditionPlan.js';

/**
 * The print edition of one Karachi calendar day: stories with a print page
 * published within that day, by page then time, and the nearest days either
 * side that have one. When the print desk laid the edition out
 * (src/store/print/printEditionPlan.ts), its pages and order win over print_page.
 */
export async function printEdition(db: Kysely<Database>, date: string): Promise<PrintEdition> {
  const { startMs, endMs } = karachiDayRange(date);
  const [planned, plannedDates] = await Promise.all([plannedEdition(db, date), plannedNeighbours(db, date)]);
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
    articles: planned?.articles ?? rows.map(toSummary),
    previousDate: later(dateOrNull(previous?.at), plannedDates.previous),
    nextDate: earlier(dateOrNull(next?.at), plannedDates.next),
    ...(planned !== null ? { pageLabels: planned.pageLabels } : {}),
  };
}

export async function latestPrintDate(db: Kysely<Database>): Promise<string | null> {
  const latest = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('published_at').as('at'))
    .where('print_page', 'is not', null)
    .where('status', '=', PUBLISHED)
    .executeTakeFirst();
  return later(dateOrNull(latest?.at), await latestPlannedDate(db));
}

// YYYY-MM-DD strings order as the dates they name.
function later(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null || a > b ? a : b;
}

function earlier(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null || a < b ? a : b;
}

function dateOrNull(epochMs: number | null | undefined): string | null {
  return epochMs == null ? null : karachiDateOf(Number(epochMs));
}
