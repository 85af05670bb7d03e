import type { Bus } from '../bus/bus.js';
import type { Market } from '../market/book/market.js';
import {
  applyMarketEvent,
  changedMarket,
  type MarketEvent,
  type MarketEventOutcome,
} from '../market/book/marketEvent.js';
import type { InstrumentBar } from '../market/endOfDay/closingRules.js';
import type { Trade } from '../market/quotes/trade.js';
import type { TradeRejectionCode } from '../market/quotes/tradeCheck.js';
import type { CodedBar, LogBatch, MarketLog } from '../store/market/marketLog.js';

export interface MarketRecorderOptions {
  readonly log: MarketLog;
  /** The live market everyone reads; changed only by committed events, in log order. */
  readonly market: Market;
  /** A fresh market with the live one's rules, into which a state is restored (the trial market). */
  readonly createMarket: () => Market;
  readonly bus?: Bus;
  /** Write as soon as this many events wait (default 2000). */
  readonly maxBatchEvents?: number;
  /** Otherwise write at most this long after the first waiting event (default 2 ms). */
  readonly maxDelayMs?: number;
  readonly onError?: (error: unknown) => void;
  /**
   * Told of each committed batch's events, after the live market took them and
   * before any submitter hears: the engine sends them to the followers.
   */
  readonly onReplicate?: (events: readonly MarketEvent[]) => void;
  /**
   * Close the last traded day at the first change after the exchange's date
   * has moved past it (`Market.dayToRollOver`), read by this clock: for a site
   * with no simulator to roll its days over.
   */
  readonly rollOver?: { readonly now: () => Date };
  /** Told once per committed batch what it held (metrics); called after every submission of it is answered. */
  readonly onCommitted?: (batch: CommittedBatch) => void;
}

/** One committed batch, as the metrics count it: per batch, so the trade path pays nothing per trade for it. */
export interface CommittedBatch {
  /** How long each submission of the batch waited from `record` to COMMIT, in ms. */
  readonly waitsMs: readonly number[];
  /** Trades the market took, and those it had already (a feed's repeat). */
  readonly acceptedTrades: number;
  readonly duplicateTrades: number;
  /** Trades refused, by the market's reason. */
  readonly refusedTrades: Readonly<Partial<Record<TradeRejectionCode, number>>>;
}

/**
 * Makes every market change durable before it is acknowledged, with group
 * commit: submissions wait in a queue, each batch is tried on a trial copy of
 * the market to learn which events it accepts, the accepted ones are written
 * in one transaction, and only after COMMIT are they applied to the live
 * market and each submission's promise resolved. A failed write rejects every
 * submission in the batch and leaves the live market as it was.
 */
export interface MarketRecorder {
  /**
   * The market's answer to each event, in order, once the accepted ones are
   * committed. `now` is the server's clock as the events came in (a feed's
   * batch): trades and rates stamped ahead of it, and trades of an earlier
   * day, are refused one by one (`untimelyTrade`). Rejects with
   * `MarketEventError` when the market could not judge an event (nothing of
   * the submission is taken, and sending it again gives the same), and with
   * the log's error when the write failed (sending again may succeed).
   */
  record(events: readonly MarketEvent[], options?: { readonly now?: Date }): Promise<MarketEventOutcome[]>;
  /** Writes what is queued, then refuses new submissions. */
  stop(): Promise<void>;
}

/** The market threw on one of a submission's events: a fault in the events or the market, not in the log. */
export class MarketEventError extends Error {
  constructor(
    readonly kind: MarketEvent['kind'],
    options: { readonly cause: unknown },
  ) {
    super(`the market could not judge a ${kind} event`, options);
    this.name = 'MarketEventError';
  }
}

interface Submission {
  readonly events: readonly MarketEvent[];
  readonly now: Date | undefined;
  /** performance.now() when it was recorded, for the commit wait the metrics report. */
  readonly receivedAt: number;
  resolve(outcomes: MarketEventOutcome[]): void;
  reject(error: unknown): void;
}

const DUPLICATE: MarketEventOutcome = { kind: 'trade', receipt: { ok: true, duplicate: true, outOfOrder: false } };

export function createMarketRecorder(options: MarketRecorderOptions): MarketRecorder {
  const { log, market, createMarket, bus } = options;
  const maxBatchEvents = options.maxBatchEvents ?? 2000;
  const maxDelayMs = options.maxDelayMs ?? 2;
  const queue: Submission[] = [];
  let queuedEvents = 0;
  let trial = copyOf(market);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let flushing: Promise<void> | null = null;
  let stopped = false;

  function copyOf(source: Market): Market {
    const copy = createMarket();
    copy.restoreState(source.exportState());
    return copy;
  }

  function schedule(): void {
    if (flushing !== null || queue.length === 0) return;
    if (queuedEvents >= maxBatchEvents) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      startFlush();
    } else if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        startFlush();
      }, maxDelayMs);
    }
  }

  function startFlush(): void {
    if (flushing !== null) return;
    flushing = flush()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        flushing = null;
        schedule();
      });
  }

  async function flush(): Promise<void> {
    const batch = takeBatch();
    if (batch.length === 0) return;
    const rollOver = rolledOverDay();
    if (rollOver !== null) batch.unshift(rollOver);
    let outcomes: (MarketEventOutcome[] | MarketEventError)[];
    let write: LogBatch & { events: MarketEvent[] };
    try {
      ({ outcomes, write } = await tryOnTrial(batch));
      await log.append(write);
    } catch (error) {
      // The trial market took events that were never written: start it again from the live one.
      trial = copyOf(market);
      for (const submission of batch) submission.reject(error);
      return;
    }
    for (const event of write.events) {
      const outcome = applyMarketEvent(market, event);
      if (!changedMarket(outcome)) options.onError?.(new Error(`live market refused a logged ${event.kind} event`));
    }
    if (write.events.length > 0) options.onReplicate?.(write.events);
    for (const [i, submission] of batch.entries()) {
      const answer = outcomes[i];
      if (answer instanceof MarketEventError) submission.reject(answer);
      else submission.resolve(answer ?? []);
    }
    if (write.events.length > 0) bus?.publish('market.changed', { version: market.version });
    if (options.onCommitted !== undefined) options.onCommitted(summary(batch, outcomes, performance.now()));
  }

  /** The day close that goes first in a batch, when the market's last traded day is behind the clock. */
  function rolledOverDay(): Submission | null {
    if (options.rollOver === undefined) return null;
    const now = options.rollOver.now();
    const date = market.dayToRollOver(now);
    if (date === null) return null;
    return {
      events: [{ kind: 'dayClose', date, time: now }],
      now: undefined,
      receivedAt: performance.now(),
      resolve: () => undefined,
      reject: (error) => options.onError?.(error),
    };
  }

  function takeBatch(): Submission[] {
    const batch: Submission[] = [];
    let events = 0;
    while (queue.length > 0 && (batch.length === 0 || events < maxBatchEvents)) {
      const next = queue.shift() as Submission;
      batch.push(next);
      events += next.events.length;
    }
    queuedEvents -= events;
    return batch;
  }

  async function tryOnTrial(batch: readonly Submission[]) {
    const known = await knownSequences(batch);
    const events: MarketEvent[] = [];
    const checkpoints: NonNullable<LogBatch['checkpoints']>[number][] = [];
    const bars: { bar: CodedBar; source: string }[] = [];
    const outcomes: (MarketEventOutcome[] | MarketEventError)[] = [];
    for (const submission of batch) {
      const answers: MarketEventOutcome[] = [];
      const taken = { events: events.length, checkpoints: checkpoints.length, bars: bars.length };
      const newKeys: Trade[] = [];
      let current: MarketEvent | undefined;
      try {
        for (const event of submission.events) {
          current = event;
          const key = sequencedTrade(event);
          if (key !== null && known.has(key)) {
            answers.push(DUPLICATE);
            continue;
          }
          const outcome = applyMarketEvent(trial, event, submission.now);
          answers.push(outcome);
          if (!changedMarket(outcome)) continue;
          events.push(event);
          if (key !== null) {
            known.add(key);
            newKeys.push(key);
          }
          if (outcome.kind === 'dayClose' && outcome.result.ok) {
            const { endOfDay } = outcome.result;
            checkpoints.push({
              afterIndex: events.length - 1,
              state: trial.exportState(),
              reason: `close ${endOfDay.date}`,
            });
            for (const bar of [...endOfDay.instruments.map(barOfInstrument), ...endOfDay.indices]) {
              bars.push({ bar: withoutTurnover(bar), source: 'close' });
            }
          }
        }
      } catch (error) {
        // Only this submission fails: a throw half-way may have changed the trial market, so it
        // starts again from the live one with the batch's earlier accepted events, which the
        // other submissions' answers were judged after.
        events.length = taken.events;
        checkpoints.length = taken.checkpoints;
        bars.length = taken.bars;
        for (const key of newKeys) known.delete(key);
        trial = copyOf(market);
        for (const event of events) applyMarketEvent(trial, event);
        outcomes.push(new MarketEventError(current?.kind ?? 'trade', { cause: error }));
        continue;
      }
      outcomes.push(answers);
    }
    return { outcomes, write: { events, checkpoints, bars } };
  }

  /**
   * (feed, seq) pairs of this batch the log already holds; the batch adds its
   * own as it goes (the trial market's memory of seqs is cleared by a day
   * close, so it cannot be trusted to catch a repeat within one batch).
   */
  async function knownSequences(batch: readonly Submission[]): Promise<FeedSeqs> {
    const byFeed = new Map<string, number[]>();
    for (const submission of batch) {
      for (const event of submission.events) {
        if (event.kind !== 'trade' || event.trade.seq === undefined) continue;
        const feed = event.trade.feed ?? 'default';
        const seqs = byFeed.get(feed);
        if (seqs === undefined) byFeed.set(feed, [event.trade.seq]);
        else seqs.push(event.trade.seq);
      }
    }
    const known = new FeedSeqs();
    for (const [feed, seqs] of byFeed) known.addAll(feed, await log.knownSeqs(feed, seqs));
    return known;
  }

  return {
    record(events, options) {
      if (stopped) return Promise.reject(new Error('the market recorder is stopped'));
      if (events.length === 0) return Promise.resolve([]);
      return new Promise<MarketEventOutcome[]>((resolve, reject) => {
        queue.push({ events, now: options?.now, receivedAt: performance.now(), resolve, reject });
        queuedEvents += events.length;
        schedule();
      });
    },
    async stop() {
      stopped = true;
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      while (flushing !== null || queue.length > 0) {
        if (flushing === null) startFlush();
        await flushing;
      }
    },
  };
}

function summary(
  batch: readonly Submission[],
  outcomes: readonly (MarketEventOutcome[] | MarketEventError)[],
  committedAt: number,
): CommittedBatch {
  let acceptedTrades = 0;
  let duplicateTrades = 0;
  const refusedTrades: Partial<Record<TradeRejectionCode, number>> = {};
  for (const answers of outcomes) {
    if (answers instanceof MarketEventError) continue;
    for (const outcome of answers) {
      if (outcome.kind !== 'trade') continue;
      const { receipt } = outcome;
      if (!receipt.ok) refusedTrades[receipt.code] = (refusedTrades[receipt.code] ?? 0) + 1;
      else if (receipt.duplicate) duplicateTrades += 1;
      else acceptedTrades += 1;
    }
  }
  return {
    waitsMs: batch.map((submission) => committedAt - submission.receivedAt),
    acceptedTrades,
    duplicateTrades,
    refusedTrades,
  };
}

/** The trade of a trade event with a seq, which the log takes once per (feed, seq); null for any other event. */
function sequencedTrade(event: MarketEvent): Trade | null {
  return event.kind === 'trade' && event.trade.seq !== undefined ? event.trade : null;
}

/**
 * The (feed, seq) pairs a batch knows of, as numbers per feed, so a trade
 * needs no key string built, hashed and thrown away (garbage the push API's
 * profile showed in every batch).
 */
class FeedSeqs {
  private readonly byFeed = new Map<string, Set<number>>();

  has(trade: Trade): boolean {
    return this.byFeed.get(trade.feed ?? 'default')?.has(trade.seq as number) ?? false;
  }

  add(trade: Trade): void {
    this.seqsOf(trade.feed ?? 'default').add(trade.seq as number);
  }

  addAll(feed: string, seqs: Iterable<number>): void {
    const known = this.seqsOf(feed);
    for (const seq of seqs) known.add(seq);
  }

  delete(trade: Trade): void {
    this.byFeed.get(trade.feed ?? 'default')?.delete(trade.seq as number);
  }

  private seqsOf(feed: string): Set<number> {
    let known = this.byFeed.get(feed);
    if (known === undefined) {
      known = new Set();
      this.byFeed.set(feed, known);
    }
    return known;
  }
}

function barOfInstrument(bar: InstrumentBar) {
  return { ...bar, code: bar.symbol };
}

function withoutTurnover(bar: CodedBar & { readonly turnover?: number | null; readonly symbol?: string }): CodedBar {
  return {
    code: bar.code,
    date: bar.date,
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    volume: bar.volume,
  };
}
