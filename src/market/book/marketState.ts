import type { CorporateAction, IndexReturnType } from '../corporateActions/corporateAction.js';
import type { ClosingPrint, ScheduledRecomposition } from '../endOfDay/closingRules.js';
import type { FxDailyRate } from '../fx/fxBook.js';
import type { IndexConstituent } from '../indices/indexCalculator.js';
import type { IndexWeighting, PublishedIndex } from '../indices/indexSpec.js';
import type { Paisa } from '../money/money.js';
import type { Instrument } from '../quotes/instrument.js';
import type { ListingEntry } from '../quotes/listingEntry.js';
import type { Quote } from '../quotes/quote.js';
import type { TradingCalendar } from '../sessions/tradingCalendar.js';
import type { FxRateView } from './marketSnapshot.js';

/**
 * Everything a Market remembers, as plain JSON (instants as ISO text, the
 * divisor's exact fraction as decimal text), so a checkpoint written at a day
 * close, or a session imported from the exchange's closing file, brings the
 * market back exactly. Rules (price band, closing rule, halt rule) are the
 * setup's, not state; the calendar is state once the desk has edited it. The halt state is not kept: a checkpoint is taken
 * at a day close, where no halt runs.
 */
export interface MarketState {
  readonly format: 1;
  readonly instruments: readonly Instrument[];
  readonly quotes: readonly QuoteState[];
  readonly tallies: readonly TallyState[];
  readonly indices: readonly IndexState[];
  readonly fx: FxBookState;
  readonly seenSeqs: readonly { readonly feed: string; readonly seqs: readonly number[] }[];
  readonly pendingActions: readonly CorporateAction[];
  readonly pendingRecompositions: readonly ScheduledRecomposition[];
  readonly lastClosed: string | null;
  /** Indices named but not computed (`PublishedIndex`); absent when none. */
  readonly publishedIndices?: readonly PublishedIndex[];
  /** The listing file's and the desk's reference data (`ListingEntry`), without LDCPs; absent when none. */
  readonly listing?: readonly ListingEntry[];
  /**
   * The calendar as the desk last edited it. Absent in states from before the
   * desk could edit it, and for a market without a calendar: the setup's holds.
   */
  readonly calendar?: TradingCalendar;
  /** The latest change's time (the snapshot's `asOf` between changes). */
  readonly lastChange: string;
}

export type QuoteState = Omit<Quote, 'time'> & { readonly time: string };

export interface TallyState {
  readonly symbol: string;
  /** Null when unknown (a day laid from a closing file). */
  readonly turnover: number | null;
  readonly lastTradeTime: string | null;
  readonly prints: readonly ClosingPrint[];
}

/** An index calculator's exact state: weights follow from the constituents, prices and divisor do not. */
export interface IndexCalculatorState {
  readonly code: string;
  readonly name: string;
  readonly constituents: readonly IndexConstituent[];
  readonly prices: readonly (readonly [string, Paisa])[];
  readonly divisorNumerator: string;
  readonly divisorDenominator: string;
}

export interface IndexState {
  readonly calculator: IndexCalculatorState;
  readonly returnType: IndexReturnType;
  readonly baseDate?: string;
  readonly maxWeightBasisPoints?: number;
  /** Absent in states from before full-cap indices: free-float. */
  readonly weighting?: IndexWeighting;
  /** The level at the base date; absent in states from before indices were defined by the desk. */
  readonly baseValue?: number;
  readonly previousClose: number;
  readonly time: string;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
}

export interface FxBookState {
  readonly current: readonly (Omit<FxRateView, 'time'> & { readonly time: string })[];
  readonly days: readonly (Omit<FxDailyRate, 'time'> & { readonly time: string })[];
}

export function quoteToState(quote: Quote): QuoteState {
  return { ...quote, time: quote.time.toISOString() };
}

export function quoteFromState(state: QuoteState): Quote {
  return { ...state, time: new Date(state.time) };
}
