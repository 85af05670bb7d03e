import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { MarketEvent } from '../../market/book/marketEvent.js';
import type { MarketState } from '../../market/book/marketState.js';
import type { DailyBar } from '../../market/endOfDay/closingRules.js';
import type { Database } from '../database.js';
import { ThreadWriteError, WriterThreadUnavailable } from '../writerThread.js';
import { holdsEpoch } from './engineLease.js';
import { highestLoggedSeq, loggedSeqs } from './loggedSeqs.js';
import { EVENT_COLUMNS, LOG_ROWS_PER_INSERT } from './logWriterProtocol.js';
import { decodeLogRow, encodeLogRows, type LogRow } from './marketLogRows.js';
import type { ThreadedLogWriter } from './threadedLogWriter.js';

/** A day's bar of a stock (paisa) or an index (hundredths of a point), keyed by its symbol or code. */
export interface CodedBar extends Omit<DailyBar, 'turnover'> {
  readonly code: string;
  /** The open is the import's estimate, not the exchange's (`ClosingRow.openEstimated`). */
  readonly openEstimated?: boolean;
}

/** What one group commit writes: all of it or none of it. */
export interface LogBatch {
  readonly events: readonly MarketEvent[];
  /** Market states to keep as checkpoints, each taken just after `events[afterIndex]`. */
  readonly checkpoints?: readonly {
    readonly afterIndex: number;
    readonly state: MarketState;
    readonly reason: string;
  }[];
  readonly bars?: readonly { readonly bar: CodedBar; readonly source: string }[];
}

export interface Checkpoint {
  /** The position of the last event the state includes (0: none). */
  readonly position: number;
  readonly state: MarketState;
}

export interface LoggedEvent {
  readonly position: number;
  readonly event: MarketEvent;
}

const ROWS_PER_INSERT = LOG_ROWS_PER_INSERT;
// Rows per read of the log: a run row holds up to a few thousand trades, so fewer than the events once read.
const ROWS_PER_READ = 1000;

/** The market's append-only event log and its checkpoints, on SQLite or PostgreSQL. */
export interface MarketLog {
  /** Writes the batch in one transaction; resolves after COMMIT. A unique (feed, seq) clash fails the whole batch. */
  append(batch: LogBatch): Promise<void>;
  /** Which of `seqs` the log already holds for `feed`. */
  knownSeqs(feed: string, seqs: readonly number[]): Promise<Set<number>>;
  /** Position of the last event (0: none). */
  head(): Promise<number>;
  latestCheckpoint(): Promise<Checkpoint | null>;
  /** Keeps `state` as the market after the event at `position`, replacing any checkpoint there. */
  writeCheckpoint(position: number, state: MarketState, reason: string): Promise<void>;
  /** Events after `position`, up to and including `upTo` (default all), in order. */
  eventsAfter(position: number, upTo?: number): AsyncGenerator<LoggedEvent>;
}

/** An engine's lease epoch: a log made with one appends only while the lease is still at it. */
export interface LogFence {
  readonly epoch: number;
}

/** The append was refused because another engine took the lease over: nothing of the batch was written. */
export class FencedOutError extends Error {
  constructor(readonly epoch: number) {
    super(`the market engine's lease moved past epoch ${epoch}; this engine may no longer write`);
    this.name = 'FencedOutError';
  }
}

/**
 * The log over a connection, or a transaction (a checkpoint written with the
 * rows it belongs to). With a fence every append first checks the engine's
 * lease in its own transaction (PostgreSQL only; docs/adr/0006).
 */
export function createMarketLog(
  db: MarketExecutor,
  clock: () => number = Date.now,
  fence: LogFence | null = null,
): MarketLog {
  return new SqlMarketLog(db, clock, fence);
}

/**
 * The log of a SQLite file whose plain event batches (trades and rates: no
 * day close, checkpoint or bar, the push API's whole load) are written by
 * `writer` on its own thread and connection; everything else, and every read,
 * goes through `db` as in `createMarketLog`, and so does every batch when
 * the thread could not be started.
 */
export function createThreadedMarketLog(db: Kysely<Database>, writer: ThreadedLogWriter): MarketLog {
  return new SqlMarketLog(db, Date.now, null, writer);
}

class SqlMarketLog implements MarketLog {
  /**
   * Per feed, a seq at least as high as any the log holds, so a batch of fresh
   * seqs (the usual case) needs no duplicate query. Loaded from the log on a
   * feed's first check and raised by each append through this log; it is only
   * a shortcut: the unique (feed, seq) constraint still guards the table, and
   * a failed append forgets every mark so the next check reads the log again.
   */
  private readonly highestSeqs = new Map<string, number>();
  /** Counts appends, so a mark read while one was committing is not kept (it could be behind). */
  private appendsDone = 0;
  private insertSql: ((rows: number) => string) | null = null;

  constructor(
    private readonly db: Kysely<Database> | Transaction<Database>,
    private readonly clock: () => number = Date.now,
    private readonly fence: LogFence | null = null,
    private readonly writer: ThreadedLogWriter | null = null,
  ) {}

  /** Writes the batch in one transaction; resolves after COMMIT. A unique (feed, seq) clash fails the whole batch. */
  async append(batch: LogBatch): Promise<void> {
    if (batch.events.length === 0 && !batch.checkpoints?.length && !batch.bars?.length) return;
    const now = this.clock();
    try {
      if (this.writer?.available && isPlainEvents(batch)) {
        await this.writeOnThread(this.writer, batch, now);
      } else {
        await this.appendHere(batch, now);
      }
    } catch (error) {
      this.highestSeqs.clear();
      this.appendsDone += 1;
      throw error;
    }
    this.appendsDone += 1;
    for (const event of batch.events) {
      if (event.kind !== 'trade' || event.trade.seq === undefined) continue;
      const feed = event.trade.feed ?? 'default';
      const mark = this.highestSeqs.get(feed);
      // A feed never checked has no mark yet: one taken from this batch alone could be below older rows.
      if (mark !== undefined && event.trade.seq > mark) this.highestSeqs.set(feed, event.trade.seq);
    }
  }

  /**
   * The batch through the writer thread. A thread that ended with the batch in
   * flight may have committed it before it died: the batch's first (feed, seq)
   * row, read on this connection, tells (one transaction, so all or nothing),
   * and a committed batch is a success, never "nothing was taken".
   */
  private async writeOnThread(writer: ThreadedLogWriter, batch: LogBatch, now: number): Promise<void> {
    const rows = encodeLogRows(batch.events);
    try {
      await writer.write(rowValues(rows, now));
    } catch (error) {
      // No thread could be started, so the batch never reached one: the site's own connection writes it.
      if (error instanceof WriterThreadUnavailable) return this.appendHere(batch, now);
      if (!(error instanceof ThreadWriteError) || error.code !== null) throw error;
      // A row's first seq is its (feed, seq) in the table, a run's included.
      const probe = rows.find((row) => row.feed !== null && row.seq !== null);
      if (probe === undefined || probe.feed === null || probe.seq === null) throw error;
      const landed = await this.db
        .selectFrom('market_events')
        .select('seq')
        .where('feed', '=', probe.feed)
        .where('seq', '=', probe.seq)
        .executeTakeFirst();
      if (landed === undefined) throw error;
    }
  }

  /** The batch in one transaction on this log's own connection; a checkpoint's cut ends a row. */
  private async appendHere(batch: LogBatch, now: number): Promise<void> {
    const { events } = batch;
    const insertSql = this.insertStatements();
    await this.db.transaction().execute(async (trx) => {
      // First, so the lease row's lock is held until COMMIT: a takeover waits for this batch or fences it out.
      if (this.fence !== null && !(await holdsEpoch(trx, this.fence.epoch))) {
        throw new FencedOutError(this.fence.epoch);
      }
      const cuts = [...(batch.checkpoints ?? [])].sort((a, b) => a.afterIndex - b.afterIndex);
      let from = 0;
      let position = cuts.length > 0 ? await headOf(trx) : 0;
      for (const cut of cuts) {
        position = await insertEventsReturning(trx, encodeLogRows(events, from, cut.afterIndex + 1), now, position);
        from = cut.afterIndex + 1;
        await putCheckpoint(trx, position, cut.reason, cut.state, now);
      }
      await insertEvents(trx, insertSql, encodeLogRows(events, from), now);
      await recordDayCloses(trx, batch.events, now);
      await upsertBars(trx, batch.bars ?? [], now);
    });
  }

  /** The seqs among `seqs` this feed has already had logged. */
  async knownSeqs(feed: string, seqs: readonly number[]): Promise<Set<number>> {
    const known = new Set<number>();
    if (seqs.length === 0) return known;
    const mark = this.highestSeqs.get(feed) ?? (await this.loadHighestSeq(feed));
    let lowest = Number.POSITIVE_INFINITY;
    for (const seq of seqs) if (seq < lowest) lowest = seq;
    if (lowest > mark) return known;
    return loggedSeqs(this.db, feed, seqs);
  }

  async head(): Promise<number> {
    return headOf(this.db);
  }

  async latestCheckpoint(): Promise<Checkpoint | null> {
    const row = await this.db
      .selectFrom('market_checkpoints')
      .select(['position', 'state_json'])
      .orderBy('position', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { position: Number(row.position), state: JSON.parse(row.state_json) as MarketState } : null;
  }

  /** Keeps `state` as the market after the event at `position`, replacing any checkpoint there. */
  async writeCheckpoint(position: number, state: MarketState, reason: string): Promise<void> {
    await putCheckpoint(this.db, position, reason, state, this.clock());
  }

  /** The events after `position` (up to `upTo` when given), in log order, read a page at a time. */
  async *eventsAfter(position: number, upTo?: number): AsyncGenerator<LoggedEvent> {
    let after = position;
    for (;;) {
      let query = this.db
        .selectFrom('market_events')
        .select(['position', 'kind', 'feed', 'seq', 'seq_last', 'body_json', 'event_time'])
        .where('position', '>', after);
      if (upTo !== undefined) query = query.where('position', '<=', upTo);
      const rows = await query.orderBy('position').limit(ROWS_PER_READ).execute();
      // The events of a run row share its position: a checkpoint or a replay's end never falls inside a row.
      for (const row of rows) {
        const position = Number(row.position);
        for (const event of decodeLogRow(row)) yield { position, event };
      }
      const last = rows.at(-1);
      if (!last || rows.length < ROWS_PER_READ) return;
      after = Number(last.position);
    }
  }

  private async loadHighestSeq(feed: string): Promise<number> {
    const appendsBefore = this.appendsDone;
    const highest = await highestLoggedSeq(this.db, feed);
    if (this.appendsDone === appendsBefore) this.highestSeqs.set(feed, highest);
    return highest;
  }

  /**
   * The INSERT text for a given number of rows, written once per row count:
   * building it through Kysely's query builder cost more CPU per trade than
   * SQLite's work on the row. The placeholder style (`?` or `$n`) is the
   * dialect's, learnt from Kysely's own compiler.
   */
  private insertStatements(): (rows: number) => string {
    if (this.insertSql !== null) return this.insertSql;
    const probe = this.db.selectFrom('market_events').select('seq').where('seq', '=', 0).compile().sql;
    const numbered = probe.includes('$1');
    const texts = new Map<number, string>();
    this.insertSql = (rows) => {
      const known = texts.get(rows);
      if (known !== undefined) return known;
      const tuples: string[] = [];
      for (let row = 0; row < rows; row++) {
        const n = row * EVENT_COLUMNS.length;
        tuples.push(
          numbered ? `(${EVENT_COLUMNS.map((_column, i) => `$${n + i + 1}`).join(', ')})` : EVENT_PLACEHOLDERS,
        );
      }
      const text = `insert into "market_events" (${EVENT_COLUMNS.map((column) => `"${column}"`).join(', ')}) values ${tuples.join(', ')}`;
      texts.set(rows, text);
      return text;
    };
    return this.insertSql;
  }
}

/** Only events, none of them a day close (which also writes its date's row): what the writer thread takes. */
function isPlainEvents(batch: LogBatch): boolean {
  if (batch.checkpoints?.length || batch.bars?.length) return false;
  for (const event of batch.events) if (event.kind === 'dayClose') return false;
  return true;
}

/** The rows' values one after the other, in EVENT_COLUMNS order. */
function rowValues(rows: readonly LogRow[], now: number): (string | number | null)[] {
  const values: (string | number | null)[] = new Array(rows.length * EVENT_COLUMNS.length);
  let p = 0;
  for (const row of rows) {
    values[p++] = row.kind;
    values[p++] = row.feed;
    values[p++] = row.seq;
    values[p++] = row.seqLast;
    values[p++] = row.bodyJson;
    values[p++] = row.eventTime;
    values[p++] = now;
  }
  return values;
}

const EVENT_PLACEHOLDERS = `(${EVENT_COLUMNS.map(() => '?').join(', ')})`;

/** A connection or an open transaction; functions taking one never open a transaction themselves. */
export type MarketExecutor = Kysely<Database> | Transaction<Database>;
type Executor = MarketExecutor;

/** Stores bars outside any event (imports); a bar for the same code and date is replaced. */
export async function saveDailyBars(
  db: MarketExecutor,
  bars: readonly { readonly bar: CodedBar; readonly source: string }[],
  now: number,
): Promise<void> {
  await upsertBars(db, bars, now);
}

/** A trading date closed twice violates the table's key and fails the whole batch, whichever engine sent it. */
async function recordDayCloses(trx: Executor, events: readonly MarketEvent[], now: number): Promise<void> {
  for (const event of events) {
    if (event.kind !== 'dayClose') continue;
    await trx.insertInto('market_day_closes').values({ date: event.date, closed_at: now }).execute();
  }
}

async function headOf(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('market_events')
    .select((eb) => eb.fn.max('position').as('head'))
    .executeTakeFirst();
  return row?.head == null ? 0 : Number(row.head);
}

/**
 * Inserts the rows in order, in chunks of ROWS_PER_INSERT rows (every full
 * chunk has the same text) and asks nothing back.
 */
async function insertEvents(trx: Executor, insertSql: (rows: number) => string, rows: readonly LogRow[], now: number) {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    await trx.executeQuery(CompiledQuery.raw(insertSql(chunk.length), rowValues(chunk, now)));
  }
}

/** Inserts in order and returns the position of the last row (or `position` when there are none): a checkpoint needs it. */
async function insertEventsReturning(
  trx: Executor,
  rows: readonly LogRow[],
  now: number,
  position: number,
): Promise<number> {
  let last = position;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const values = rows.slice(i, i + ROWS_PER_INSERT).map((row) => ({
      kind: row.kind,
      feed: row.feed,
      seq: row.seq,
      seq_last: row.seqLast,
      body_json: row.bodyJson,
      event_time: row.eventTime,
      recorded_at: now,
    }));
    const inserted = await trx.insertInto('market_events').values(values).returning('position').execute();
    for (const row of inserted) last = Math.max(last, Number(row.position));
  }
  return last;
}

async function putCheckpoint(
  db: Executor,
  position: number,
  reason: string,
  state: MarketState,
  now: number,
): Promise<void> {
  const stateJson = JSON.stringify(state);
  await db
    .insertInto('market_checkpoints')
    .values({ position, reason, state_json: stateJson, created_at: now })
    .onConflict((conflict) =>
      conflict.column('position').doUpdateSet({ reason, state_json: stateJson, created_at: now }),
    )
    .execute();
}

/**
 * Writes bars, a day's bar replacing the stored one of the same code and
 * date, except that the site's own day close (`close`) never replaces a day
 * the exchange published (an imported closing file or history): for an index
 * that is the official value against the site's recalculation.
 */
async function upsertBars(
  db: Executor,
  bars: readonly { readonly bar: CodedBar; readonly source: string }[],
  now: number,
): Promise<void> {
  const own = bars.filter((bar) => bar.source === OWN_CLOSE);
  const published = own.length === bars.length ? [] : bars.filter((bar) => bar.source !== OWN_CLOSE);
  await writeBars(db, own, now, true);
  await writeBars(db, published, now, false);
}

/** The source the recorder's day close gives its bars. */
const OWN_CLOSE = 'close';

async function writeBars(
  db: Executor,
  bars: readonly { readonly bar: CodedBar; readonly source: string }[],
  now: number,
  keepPublished: boolean,
): Promise<void> {
  for (let i = 0; i < bars.length; i += ROWS_PER_INSERT) {
    const rows = bars.slice(i, i + ROWS_PER_INSERT).map(({ bar, source }) => ({
      code: bar.code,
      date: bar.date,
      open: bar.open,
      high: bar.high,
      low: bar.low,
      close: bar.close,
      volume: bar.volume,
      source,
      open_estimated: bar.openEstimated === true ? 1 : 0,
      updated_at: now,
    }));
    await db
      .insertInto('daily_bars')
      .values(rows)
      .onConflict((conflict) => {
        const update = conflict.columns(['code', 'date']).doUpdateSet((eb) => ({
          open: eb.ref('excluded.open'),
          high: eb.ref('excluded.high'),
          low: eb.ref('excluded.low'),
          close: eb.ref('excluded.close'),
          volume: eb.ref('excluded.volume'),
          source: eb.ref('excluded.source'),
          open_estimated: eb.ref('excluded.open_estimated'),
          updated_at: eb.ref('excluded.updated_at'),
        }));
        return keepPublished ? update.where('daily_bars.source', '=', OWN_CLOSE) : update;
      })
      .execute();
  }
}
