import type { IndexReturnType } from './corporateAction.js';
import type { ClosingPrint, IndexBar } from './endOfDay.js';
import type { IndexCalculator } from './indexCalculator.js';
import { TRADE_REJECTION_CODES, type TradeRejectionCode } from './tradeCheck.js';

/** What the market remembers of a stock's day beyond its quote. */
export interface DayTally {
  /** Σ price × volume, paisa; bounded by MAX_TURNOVER. */
  turnover: number;
  /** Time of the latest trade by trade time; null while untraded. Earlier trades are late. */
  lastTradeTime: Date | null;
  /** The last few prints, when the closing rule needs them. */
  readonly prints: ClosingPrint[];
}

export function emptyTally(): DayTally {
  return { turnover: 0, lastTradeTime: null, prints: [] };
}

/** An index with its previous close and today's range. */
export interface TrackedIndex {
  readonly calculator: IndexCalculator;
  readonly returnType: IndexReturnType;
  readonly baseDate: string | undefined;
  readonly maxWeightBasisPoints: number | undefined;
  previousClose: number;
  time: Date;
  open: number | null;
  high: number | null;
  low: number | null;
}

/** Records the index's level after a price moved it. */
export function observeRange(index: TrackedIndex, time: Date): number {
  const value = index.calculator.value();
  index.open ??= value;
  index.high = index.high === null ? value : Math.max(index.high, value);
  index.low = index.low === null ? value : Math.min(index.low, value);
  index.time = time;
  return value;
}

/** The index's bar: an index no trade moved today has open = high = low = close. */
export function indexBar(date: string, index: TrackedIndex, close: number, volume: number, turnover: number): IndexBar {
  return {
    code: index.calculator.code,
    date,
    open: index.open ?? close,
    high: Math.max(index.high ?? close, close),
    low: Math.min(index.low ?? close, close),
    close,
    volume,
    turnover,
  };
}

/** Counters since the market was built. */
export interface MarketStats {
  readonly accepted: number;
  /** Trades seen again with the same feed and seq; accepted once. */
  readonly duplicates: number;
  /** Accepted trades earlier than the latest trade in their stock: counted, `last` unchanged. */
  readonly outOfOrder: number;
  readonly rejected: Readonly<Record<TradeRejectionCode, number>>;
}

export function emptyRejectionCounts(): Record<TradeRejectionCode, number> {
  return Object.fromEntries(TRADE_REJECTION_CODES.map((code) => [code, 0])) as Record<TradeRejectionCode, number>;
}
