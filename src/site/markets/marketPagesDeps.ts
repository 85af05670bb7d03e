import type { FxDailyRate } from '../../market/fx/fxBook.js';
import type { FxMarket } from '../../market/fx/fxRate.js';
import type { IndexConstituent } from '../../market/indices/indexCalculator.js';
import type { IndexDivisor } from '../../market/indices/indexContribution.js';
import type { PublishedIndex } from '../../market/indices/indexSpec.js';
import type { Instrument } from '../../market/quotes/instrument.js';
import type { IntradayPaths } from '../../market/quotes/intradayPaths.js';
import type { HistoryBar } from '../../store/market/marketHistory.js';

/** What the stock, index and currency pages read of the market beyond the snapshot (the `Market` has it all). */
export interface MarketReferenceReader {
  instrument(symbol: string): Instrument | undefined;
  indexConstituents(code: string): readonly IndexConstituent[] | undefined;
  /** The index's divisor in force, so points contributed add up to its change; undefined for an unknown code. */
  indexDivisor?(code: string): IndexDivisor | undefined;
  fxHistory(pair: string, market: FxMarket): readonly FxDailyRate[];
  /** Indices the site names but only the exchange computes (shown from their imported history). */
  publishedIndices?(): readonly PublishedIndex[];
}

/** Daily bars of a stock or an index, oldest first, from `fromDate` on (all when null). */
export interface MarketHistoryReader {
  dailyBars(code: string, fromDate: string | null): Promise<readonly HistoryBar[]>;
}

/** The markets pages' own needs, wired in src/app.ts. */
export interface MarketPagesDeps {
  readonly reference: MarketReferenceReader;
  readonly history: MarketHistoryReader;
  /** Today's paths so far, filled before the site starts (the replayed log, the demo's back-filled session). */
  readonly intraday?: IntradayPaths;
}
