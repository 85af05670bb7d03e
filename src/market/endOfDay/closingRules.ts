import type { CorporateAction } from '../corporateActions/corporateAction.js';
import type { IndexConstituent } from '../indices/indexCalculator.js';
import { type Paisa, paisa } from '../money/money.js';
import { divideRoundingHalfAway } from '../money/rounding.js';
import type { Quote } from '../quotes/quote.js';

/**
 * How the day's closing price is set. PSX's current method is not published
 * (psx-market.md §4.7 [?]; in 2017 it was an average of the last thirty
 * minutes), so it is a choice: the last trade, or the volume-weighted average
 * of the last N trades.
 */
export type ClosingRule =
  | { readonly kind: 'lastTrade' }
  | { readonly kind: 'vwapOfLastTrades'; readonly trades: number };

export const LAST_TRADE_CLOSE: ClosingRule = { kind: 'lastTrade' };

/** One print as the closing rule remembers it. */
export interface ClosingPrint {
  readonly price: Paisa;
  readonly volume: number;
}

/**
 * One day of an instrument (prices in paisa) or an index (values in
 * hundredths of a point; volume and turnover summed over its constituents).
 * An untraded day has open = high = low = close and volume 0.
 */
export interface DailyBar {
  readonly date: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  /** Σ price × volume in paisa; null when unknown (a day whose volume came without trade values). */
  readonly turnover: number | null;
}

export interface InstrumentBar extends DailyBar {
  readonly symbol: string;
}

export interface IndexBar extends DailyBar {
  readonly code: string;
}

/** A recomposition the desk has scheduled, applied by the roll-over into its effective date. */
export interface ScheduledRecomposition {
  readonly code: string;
  /** `YYYY-MM-DD`: the first trading day with the new constituents. */
  readonly effective: string;
  readonly constituents: readonly IndexConstituent[];
}

/** What `Market.closeDay` reports: the day's bars and what the roll-over into the next day applied. */
export interface EndOfDay {
  readonly date: string;
  readonly closedAt: Date;
  /** The trading day the market has rolled over to. */
  readonly nextTradingDate: string;
  readonly instruments: readonly InstrumentBar[];
  readonly indices: readonly IndexBar[];
  readonly appliedCorporateActions: readonly CorporateAction[];
  readonly appliedRecompositions: readonly ScheduledRecomposition[];
  /** Due actions or recompositions that could not be applied, with why; they are dropped. */
  readonly problems: readonly string[];
}

/** How many recent prints the rule needs remembered per stock. */
export function printsToKeep(rule: ClosingRule): number {
  switch (rule.kind) {
    case 'lastTrade':
      return 0;
    case 'vwapOfLastTrades':
      return rule.trades;
  }
}

/** Remembers one more print, keeping only the last `keep`. */
export function rememberPrint(prints: ClosingPrint[], print: ClosingPrint, keep: number): void {
  if (keep <= 0) return;
  prints.push(print);
  if (prints.length > keep) prints.splice(0, prints.length - keep);
}

/** turnover ÷ volume, rounded half away from zero to the paisa. */
export function vwap(turnover: number, volume: number): Paisa {
  return paisa(divideRoundingHalfAway(turnover, volume));
}

/** The closing price by the rule; an untraded stock closes at its LDCP. */
export function closingPrice(quote: Quote, prints: readonly ClosingPrint[], rule: ClosingRule): Paisa {
  if (quote.volume === 0) return quote.ldcp;
  switch (rule.kind) {
    case 'lastTrade':
      return quote.last;
    case 'vwapOfLastTrades': {
      const recent = prints.slice(-rule.trades);
      const volume = recent.reduce((sum, p) => sum + p.volume, 0);
      if (volume === 0) return quote.last;
      return vwap(
        recent.reduce((sum, p) => sum + p.price * p.volume, 0),
        volume,
      );
    }
  }
}

/** The instrument's bar for the day. */
export function instrumentBar(date: string, quote: Quote, close: Paisa, turnover: number | null): InstrumentBar {
  return {
    symbol: quote.symbol,
    date,
    open: quote.open ?? close,
    high: quote.high ?? close,
    low: quote.low ?? close,
    close,
    volume: quote.volume,
    turnover,
  };
}

/** Why a closing rule cannot be used, or null. */
export function closingRuleProblem(rule: ClosingRule): string | null {
  switch (rule.kind) {
    case 'lastTrade':
      return null;
    case 'vwapOfLastTrades':
      return Number.isSafeInteger(rule.trades) && rule.trades > 0 ? null : 'trades must be a positive whole number';
  }
}
