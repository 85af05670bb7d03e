import type { MarketState } from '../../market/book/marketState.js';
import type { ClosingRow } from '../../market/endOfDay/closingFileDay.js';
import { upsertInstruments } from './marketInstruments.js';
import { type CodedBar, createMarketLog, type MarketExecutor, saveDailyBars } from './marketLog.js';

/** Keeps a closing file's instruments (created or renamed) and its rows as daily bars. */
export async function saveClosingRows(db: MarketExecutor, rows: readonly ClosingRow[], stamp: number): Promise<void> {
  await upsertInstruments(db, rows, stamp);
  await saveDailyBars(
    db,
    rows.map((row) => ({ bar: { code: row.symbol, ...row }, source: 'closing-file' })),
    stamp,
  );
}

/** Keeps a history file's rows as daily bars of its instrument or index. */
export async function saveHistoryBars(
  db: MarketExecutor,
  history: { readonly symbol: string; readonly bars: readonly Omit<CodedBar, 'code'>[] },
  stamp: number,
): Promise<void> {
  await saveDailyBars(
    db,
    history.bars.map((bar) => ({ bar: { code: history.symbol, ...bar }, source: 'csv' })),
    stamp,
  );
}

/** A closing day's rows as daily bars and the market it leaves as a checkpoint at `position`, together or not at all. */
export async function saveClosingDay(
  db: MarketExecutor,
  day: {
    readonly rows: readonly ClosingRow[];
    readonly stamp: number;
    readonly position: number;
    readonly state: MarketState;
    readonly reason: string;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await saveClosingRows(trx, day.rows, day.stamp);
    await createMarketLog(trx).writeCheckpoint(day.position, day.state, day.reason);
  });
}
