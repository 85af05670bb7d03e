import type { Kysely } from 'kysely';
import type { ClosingRow } from '../../market/endOfDay/closingFileDay.js';
import type { Bound } from '../bound.js';
import type { Database } from '../database.js';
import { dialectOf } from '../migrate.js';
import { saveClosingDay, saveClosingRows, saveHistoryBars } from './closingDayWrites.js';
import { createEngineLeaseStore, type EngineLeaseStore } from './engineLease.js';
import { latestCorporateActionChanges, latestEventsOfKind } from './marketEventQueries.js';
import { listBarsSince, seedBarsIfEmpty } from './marketHistory.js';
import { latestDailyBar, listDailyBars, listInstruments } from './marketInstruments.js';
import { createMarketLog, createThreadedMarketLog, type MarketLog } from './marketLog.js';
import { pruneMarketLog } from './marketLogPrune.js';
import { createThreadedLogWriter } from './threadedLogWriter.js';

type SaveHistory = Bound<typeof saveHistoryBars>;

/** The market's durable side: its event log, the instruments and daily bars imports and day closes keep. */
export interface MarketStore {
  /** The one log of this connection: the engine's loader and recorder share it (it caches feeds' highest seqs). */
  readonly log: MarketLog;
  /**
   * A log of its own for an engine that holds the lease at `epoch`: every
   * append checks the lease first, and its memory of feeds' seqs starts from
   * the table, not from what another engine's log believed.
   */
  fencedLog(epoch: number): MarketLog;
  /** The market engine's lease; null on SQLite, where the one process is the engine. */
  readonly lease: EngineLeaseStore | null;
  latestEventsOfKind: Bound<typeof latestEventsOfKind>;
  /** Withdrawn and amended corporate actions, newest first (the desk's list says which it took back). */
  latestCorporateActionChanges: Bound<typeof latestCorporateActionChanges>;
  listBarsSince: Bound<typeof listBarsSince>;
  seedBarsIfEmpty: Bound<typeof seedBarsIfEmpty>;
  listInstruments: Bound<typeof listInstruments>;
  listDailyBars: Bound<typeof listDailyBars>;
  /** A code's latest stored day (a stock's or an index's), whatever its source. */
  latestClose: Bound<typeof latestDailyBar>;
  /** A closing file's instruments and rows as daily bars, in one transaction. */
  saveClosingRows(rows: readonly ClosingRow[], stamp: number): Promise<void>;
  /** A history file's rows as daily bars, in one transaction. */
  saveHistoryBars(...args: Parameters<SaveHistory>): ReturnType<SaveHistory>;
  /** A closing day's bars and the checkpoint it leaves, together or not at all. */
  saveClosingDay: Bound<typeof saveClosingDay>;
  /** Trades and rates a restart no longer needs (before the newest checkpoint and a date), and older checkpoints. */
  pruneLog: Bound<typeof pruneMarketLog>;
  /** Ends the log's writer thread, if it has one, after the batches sent to it. */
  close(): Promise<void>;
}

/**
 * `sqliteFile`: the SQLite file `db` is on (not an in-memory database). Its
 * log's trades and rates are then written on a thread of their own with a
 * connection of their own (threadedLogWriter.ts), so the site's thread takes
 * the next requests while a group commit runs; should that thread not start,
 * `onWriterUnavailable` hears it once and the log writes on `db` instead.
 */
export function createMarketStore(
  db: Kysely<Database>,
  sqliteFile: string | null = null,
  onWriterUnavailable?: (error: Error) => void,
): MarketStore {
  const writer =
    sqliteFile === null
      ? null
      : createThreadedLogWriter(
          sqliteFile,
          onWriterUnavailable === undefined ? {} : { onUnavailable: onWriterUnavailable },
        );
  return {
    log: writer === null ? createMarketLog(db) : createThreadedMarketLog(db, writer),
    fencedLog: (epoch) => createMarketLog(db, Date.now, { epoch }),
    lease: dialectOf(db) === 'postgres' ? createEngineLeaseStore(db) : null,
    latestEventsOfKind: (kind, limit) => latestEventsOfKind(db, kind, limit),
    latestCorporateActionChanges: (limit) => latestCorporateActionChanges(db, limit),
    listBarsSince: (code, fromDate) => listBarsSince(db, code, fromDate),
    seedBarsIfEmpty: (history, source, now) => seedBarsIfEmpty(db, history, source, now),
    listInstruments: () => listInstruments(db),
    listDailyBars: (code) => listDailyBars(db, code),
    latestClose: (code) => latestDailyBar(db, code),
    saveClosingRows: (rows, stamp) => db.transaction().execute((trx) => saveClosingRows(trx, rows, stamp)),
    saveHistoryBars: (history, stamp) => db.transaction().execute((trx) => saveHistoryBars(trx, history, stamp)),
    saveClosingDay: (day) => saveClosingDay(db, day),
    pruneLog: (request) => pruneMarketLog(db, request),
    close: async () => {
      await writer?.close();
    },
  };
}
