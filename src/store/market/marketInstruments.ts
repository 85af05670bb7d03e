import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { MarketExecutor } from './marketLog.js';

/** An instrument as the desk's master list keeps it; share counts are null until known. */
export interface StoredInstrument {
  readonly symbol: string;
  readonly name: string;
  readonly sector: string;
  readonly sharesOutstanding: number | null;
  readonly freeFloat: number | null;
}

/** Creates or renames instruments (name and sector); share counts already known are kept. Run it in a transaction. */
export async function upsertInstruments(
  db: MarketExecutor,
  instruments: readonly Pick<StoredInstrument, 'symbol' | 'name' | 'sector'>[],
  now: number,
): Promise<void> {
  for (const { symbol, name, sector } of instruments) {
    await db
      .insertInto('market_instruments')
      .values({ symbol, name, sector, shares_outstanding: null, free_float: null, updated_at: now })
      .onConflict((conflict) => conflict.column('symbol').doUpdateSet({ name, sector, updated_at: now }))
      .execute();
  }
}

export async function listInstruments(db: Kysely<Database>): Promise<StoredInstrument[]> {
  const rows = await db.selectFrom('market_instruments').selectAll().orderBy('symbol').execute();
  return rows.map((row) => ({
    symbol: row.symbol,
    name: row.name,
    sector: row.sector,
    sharesOutstanding: row.shares_outstanding === null ? null : Number(row.shares_outstanding),
    freeFloat: row.free_float,
  }));
}

/** A stored daily bar: paisa for a stock, hundredths of a point for an index. */
export interface StoredBar {
  readonly code: string;
  readonly date: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly source: string;
}

/** A symbol's or index's bars, oldest first. */
export async function listDailyBars(db: Kysely<Database>, code: string): Promise<StoredBar[]> {
  const rows = await db.selectFrom('daily_bars').selectAll().where('code', '=', code).orderBy('date').execute();
  return rows.map((row) => ({
    code: row.code,
    date: row.date,
    open: Number(row.open),
    high: Number(row.high),
    low: Number(row.low),
    close: Number(row.close),
    volume: Number(row.volume),
    source: row.source,
  }));
}

/** A code's latest stored day, whatever its source; undefined when it has none. */
export async function latestDailyBar(db: Kysely<Database>, code: string): Promise<StoredBar | undefined> {
  const row = await db
    .selectFrom('daily_bars')
    .selectAll()
    .where('code', '=', code)
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        code: row.code,
        date: row.date,
        open: Number(row.open),
        high: Number(row.high),
        low: Number(row.low),
        close: Number(row.close),
        volume: Number(row.volume),
        source: row.source,
      };
}
