import type { Paisa } from '../money/money.js';

/** Which way a figure moved against the previous close. */
export type Direction = 'up' | 'down' | 'unchanged';

/** A stock as the ticker and the quotes API show it; change is against LDCP. */
export interface QuoteView {
  readonly symbol: string;
  readonly name: string;
  readonly sector: string;
  readonly ldcp: Paisa;
  readonly open: Paisa | null;
  readonly high: Paisa | null;
  readonly low: Paisa | null;
  readonly last: Paisa;
  readonly change: Paisa;
  /** change ÷ LDCP × 100, rounded half away from zero to 2 decimals. */
  readonly changePercent: number;
  readonly direction: Direction;
  readonly volume: number;
  /** Time of the last trade, or of the LDCP when untraded today. */
  readonly time: Date;
  /**
   * Σ price × volume of the day's trades, in paisa; null when unknown (the
   * day came from a closing file, which gives volume but no trade values).
   */
  readonly turnover: number | null;
  /** turnover ÷ volume rounded half away from zero to the paisa; null while untraded or turnover is unknown. */
  readonly vwap: Paisa | null;
  /** Exactly as the reference ticker reads, e.g. `AVN 64.80 Increased By ▲ 0.63 (0.98%)`. */
  readonly tickerText: string;
}

/** An index as the ticker and the indices API show it. Values are in hundredths of a point. */
export interface IndexView {
  readonly code: string;
  readonly name: string;
  /** Value in hundredths of a point (40,673.12 points → 4067312). */
  readonly value: number;
  readonly previousClose: number;
  readonly change: number;
  readonly changePercent: number;
  readonly direction: Direction;
  readonly time: Date;
  /** Today's highest and lowest value so far, hundredths of a point; absent while unmoved. */
  readonly high?: number;
  readonly low?: number;
  /** e.g. `KSE100 40,673 Increased By 801.8 (2.01%)`. */
  readonly tickerText: string;
}

/** One currency pair's rate in one market (interbank or open market). */
export interface FxRateView {
  /** e.g. `USD/PKR`. */
  readonly pair: string;
  readonly market: 'interbank' | 'open';
  /** Rates in paisa per unit of the base currency. Interbank has one rate, open market buying and selling. */
  readonly buying: Paisa;
  readonly selling: Paisa;
  readonly previousBuying: Paisa;
  readonly previousSelling: Paisa;
  readonly source: string;
  readonly time: Date;
}

/**
 * Where the trading day stands. PSX phases per its Designated Time Schedule
 * (psx-market.md §4.2); `halted` is the index-based market halt (§4.4).
 */
export type MarketPhase = 'pre-open' | 'open' | 'break' | 'post-close' | 'closed' | 'halted';

/** The market's phase as the ticker shows it, e.g. `{ phase: 'open', text: 'Market open' }`. */
export interface MarketStatusView {
  readonly phase: MarketPhase;
  /** `Market open`, `Pre-open`, `Break`, `Post-close`, `Market closed`, `Market halted`. */
  readonly text: string;
  /** When the phase next changes by the calendar or the halt rule; null when none is known. */
  readonly nextChange: Date | null;
}

/** Everything the live parts of the site show, taken at one instant. `version` grows with each change. */
export interface MarketSnapshot {
  readonly version: number;
  readonly asOf: Date;
  readonly quotes: readonly QuoteView[];
  readonly indices: readonly IndexView[];
  readonly fx: readonly FxRateView[];
  /** Present when the market runs with a trading calendar; as of the latest trade or `Market.tick`. */
  readonly status?: MarketStatusView;
}

/** What the web side needs of the market: a consistent snapshot, cheap to take repeatedly. */
export interface MarketReader {
  snapshot(): MarketSnapshot;
}
