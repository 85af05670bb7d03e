import type { MarketEvent } from '../../market/book/marketEvent.js';
import type { Paisa } from '../../market/money/money.js';
import type { Trade } from '../../market/quotes/trade.js';
import { decodeEvent, type EncodedEvent, encodeEvent } from './marketEventCodec.js';

/**
 * One row of the log: one event, or (migration 0024) a run of one feed's
 * trades with consecutive seqs, `seq` to `seqLast`, whose body is an array of
 * `[symbol, price, volume, ms after eventTime]`, one per trade in seq order.
 */
export interface LogRow extends EncodedEvent {
  readonly seqLast: number | null;
}

/** A row as read back (a database hands bigints back as strings or numbers). */
export interface StoredLogRow {
  readonly kind: EncodedEvent['kind'];
  readonly feed: string | null;
  readonly seq: number | string | null;
  readonly seq_last: number | string | null;
  readonly body_json: string;
  readonly event_time: number | string;
}

/** Trades per run row at most, so no row grows past a few hundred kilobytes. */
const RUN_TRADES_MAX = 5000;

/**
 * The rows of `events[from..to)`, in order: each stretch of two or more trades
 * of one feed whose seqs follow one another becomes one row, every other
 * event a row of its own. Rows follow the events' order, so replaying them
 * gives the events in the order the market took them.
 */
export function encodeLogRows(events: readonly MarketEvent[], from = 0, to = events.length): LogRow[] {
  const rows: LogRow[] = [];
  let i = from;
  while (i < to) {
    const end = runEnd(events, i, to);
    if (end - i >= 2) {
      rows.push(encodeRun(events, i, end));
      i = end;
    } else {
      rows.push({ ...encodeEvent(events[i] as MarketEvent), seqLast: null });
      i += 1;
    }
  }
  return rows;
}

/** The events one row holds, in order. */
export function decodeLogRow(row: StoredLogRow): MarketEvent[] {
  const seq = row.seq === null ? null : Number(row.seq);
  const eventTime = Number(row.event_time);
  if (row.seq_last === null || row.kind !== 'trade' || row.feed === null || seq === null) {
    return [decodeEvent({ kind: row.kind, feed: row.feed, seq, body_json: row.body_json, event_time: eventTime })];
  }
  const feed = row.feed;
  const trades = JSON.parse(row.body_json) as [string, Paisa, number, number][];
  return trades.map(([symbol, price, volume, after], i) => ({
    kind: 'trade',
    trade: { symbol, price, volume, time: new Date(eventTime + after), seq: seq + i, feed },
  }));
}

/** How many trades a row holds, or 1 for any other event. */
export function eventsInRow(row: { readonly seq: number | string | null; readonly seq_last: number | string | null }) {
  return row.seq_last === null || row.seq === null ? 1 : Number(row.seq_last) - Number(row.seq) + 1;
}

function sequenced(event: MarketEvent | undefined): Trade | null {
  return event?.kind === 'trade' && event.trade.seq !== undefined ? event.trade : null;
}

/** The index after the run of consecutive seqs of one feed starting at `from` (from + 1: no run). */
function runEnd(events: readonly MarketEvent[], from: number, to: number): number {
  const first = sequenced(events[from]);
  if (first === null) return from + 1;
  const feed = first.feed ?? 'default';
  const limit = Math.min(to, from + RUN_TRADES_MAX);
  let seq = first.seq as number;
  let end = from + 1;
  while (end < limit) {
    const next = sequenced(events[end]);
    if (next === null || next.seq !== seq + 1 || (next.feed ?? 'default') !== feed) break;
    seq += 1;
    end += 1;
  }
  return end;
}

/** A run as one row; the body is written out by hand (one string for the batch, no array of arrays built). */
function encodeRun(events: readonly MarketEvent[], from: number, to: number): LogRow {
  const first = sequenced(events[from]) as Trade;
  const eventTime = first.time.getTime();
  let body = '[';
  for (let i = from; i < to; i++) {
    const trade = sequenced(events[i]) as Trade;
    if (i > from) body += ',';
    body += `[${JSON.stringify(trade.symbol)},${trade.price},${trade.volume},${trade.time.getTime() - eventTime}]`;
  }
  body += ']';
  return {
    kind: 'trade',
    feed: first.feed ?? 'default',
    seq: first.seq as number,
    seqLast: (first.seq as number) + (to - from) - 1,
    bodyJson: body,
    eventTime,
  };
}
