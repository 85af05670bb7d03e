import type { Kysely } from 'kysely';
import type { DailyBar } from '../../market/endOfDay/closingRules.js';
import type { Database } from '../database.js';

/** A stored day: paisa for a stock, hundredths of a point for an index; the table keeps no turnover. */
export type HistoryBar = Omit<DailyBar, 'turnover'> & {
  /**
   * Where the day came from: `close` the site's own day close (its own
   * calculation, for an index), `csv` an imported history (for an index, the
   * exchange's published values), `closing-file` the exchange's closing file.
   * Absent on bars not read from the table.
   */
  readonly source?: string;
  /** The open is the import's estimate: the exchange's file gave none (absent when it is the exchange's own). */
  readonly openEstimated?: true;
};

/** Bars of one code (a symbol or an index code) to write. */
export interface CodedBars {
  readonly code: string;
  readonly bars: readonly HistoryBar[];
}

// SQLite allows 32,766 bound values per statement; 9 columns × 500 rows stays far below.
const ROWS_PER_INSERT = 500;

/** A code's bars from `fromDate` on (all when null), oldest first. */
export async function listBarsSince(
  db: Kysely<Database>,
  code: string,
  fromDate: string | null,
): Promise<HistoryBar[]> {
  let query = db
    .selectFrom('daily_bars')
    .select(['date', 'open', 'high', 'low', 'close', 'volume', 'source', 'open_estimated'])
    .where('code', '=', code);
  if (fromDate !== null) query = query.where('date', '>=', fromDate);
  const rows = await query.orderBy('date').execute();
  // bigint columns come back as numbers on SQLite and as strings on PostgreSQL.
  return rows.map((row) => ({
    date: row.date,
    open: Number(row.open),
    high: Number(row.high),
    low: Number(row.low),
    close: Number(row.close),
    volume: Number(row.volume),
    source: row.source,
    ...(Number(row.open_estimated) === 1 ? { openEstimated: true as const } : {}),
  }));
}

/**
 * Writes `history` only if the table holds no bar at all, in one transaction,
 * and returns how many bars it wrote: the demo's generated past must never
 * overwrite or mix with days the market closed or an import brought.
 */
export async function seedBarsIfEmpty(
  db: Kysely<Database>,
  history: readonly CodedBars[],
  source: string,
  now: number,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('daily_bars').select('code').limit(1).executeTakeFirst();
    if (existing !== undefined) return 0;
    const rows = history.flatMap(({ code, bars }) =>
      bars.map((bar) => ({
        code,
        date: bar.date,
        open: bar.open,
        high: bar.high,
        low: bar.low,
        close: bar.close,
        volume: bar.volume,
        source,
        updated_at: now,
      })),
    );
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('daily_bars')
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .execute();
    }
    return rows.length;
  });
}
