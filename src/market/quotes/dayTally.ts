import type { IndexReturnType } from '../corporateActions/corporateAction.js';
import type { ClosingPrint, IndexBar } from '../endOfDay/closingRules.js';
import type { Capitalisation } from '../indices/capitalisation.js';
import type { IndexCalculator } from '../indices/indexCalculator.js';
import type { IndexWeighting } from '../indices/indexSpec.js';
import { TRADE_REJECTION_CODES, type TradeRejectionCode } from './tradeCheck.js';

/** What the market remembers of a stock's day beyond its quote. */
export interface DayTally {
  /**
   * Σ price × volume, paisa; bounded by MAX_TURNOVER. Null when the day's
   * volume came without trade values (a closing file gives volume only), so
   * the day's turnover is unknown, not zero.
   */
  turnover: number | null;
  /** Time of the latest trade by trade time; null while untraded. Earlier trades are late. */
  lastTradeTime: Date | null;
  /**
   * The feed and seq of the trade that set `last`, when it had one. The
   * exchange numbers a feed's trades in the order they matched, so between two
   * trades of one feed the seq, not the stamp, says which is later: a later
   * seq stamped a moment earlier (clock jitter) still moves the price.
   */
  lastTradeFeed: string | null;
  lastTradeSeq: number;
  /** The last few prints, when the closing rule needs them. */
  readonly prints: ClosingPrint[];
}

export function emptyTally(): DayTally {
  return { turnover: 0, lastTradeTime: null, lastTradeFeed: null, lastTradeSeq: 0, prints: [] };
}

/** An index with its previous close and today's range. */
export interface TrackedIndex {
  readonly calculator: IndexCalculator;
  readonly returnType: IndexReturnType;
  readonly baseDate: string | undefined;
  readonly maxWeightBasisPoints: number | undefined;
  /** Full-cap indices count every member's free float as 100 % (`IndexWeighting`). */
  readonly weighting: IndexWeighting;
  /** The level at the base date, hundredths of a point, for the record; unknown for indices from older states. */
  readonly baseValue: number | undefined;
  previousClose: number;
  time: Date;
  open: number | null;
  /** Today's high and low as levels, up to the latest divisor change; see `indexRange`. */
  high: number | null;
  low: number | null;
  /**
   * Today's highest and lowest capitalisation since the divisor last changed:
   * a trade compares exact capitalisations and divides nothing. `settleRange`
   * folds them into `high` and `low` before the divisor moves. Each is a
   * mark nothing changes: a new high replaces it.
   */
  highCapitalisation: Capitalisation | null;
  lowCapitalisation: Capitalisation | null;
}

/** Records the index's range after a price moved it. */
export function observeRange(index: TrackedIndex, time: Date): void {
  const calculator = index.calculator;
  if (index.open === null) index.open = calculator.value();
  if (index.highCapitalisation === null || calculator.compareCapitalisation(index.highCapitalisation) > 0) {
    index.highCapitalisation = calculator.capitalisationMark();
  }
  if (index.lowCapitalisation === null || calculator.compareCapitalisation(index.lowCapitalisation) < 0) {
    index.lowCapitalisation = calculator.capitalisationMark();
  }
  index.time = time;
}

/** Today's high and low as levels (hundredths), null while no trade moved the index. */
export function indexRange(index: TrackedIndex): { readonly high: number | null; readonly low: number | null } {
  const { calculator, highCapitalisation, lowCapitalisation } = index;
  const high = highCapitalisation === null ? null : calculator.valueAt(highCapitalisation.toBigInt());
  const low = lowCapitalisation === null ? null : calculator.valueAt(lowCapitalisation.toBigInt());
  return {
    high: high === null ? index.high : index.high === null ? high : Math.max(index.high, high),
    low: low === null ? index.low : index.low === null ? low : Math.min(index.low, low),
  };
}

/** Turns the range kept as capitalisations into levels; call before anything moves the divisor. */
export function settleRange(index: TrackedIndex): void {
  const { high, low } = indexRange(index);
  index.high = high;
  index.low = low;
  index.highCapitalisation = null;
  index.lowCapitalisation = null;
}

/** The index's bar: an index no trade moved today has open = high = low = close. */
export function indexBar(
  date: string,
  index: TrackedIndex,
  close: number,
  volume: number,
  turnover: number | null,
): IndexBar {
  const range = indexRange(index);
  return {
    code: index.calculator.code,
    date,
    open: index.open ?? close,
    high: Math.max(range.high ?? close, close),
    low: Math.min(range.low ?? close, close),
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
