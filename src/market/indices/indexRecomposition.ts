import { type MarketBook, reindexSymbols } from '../book/marketBook.js';
import type { Paisa } from '../money/money.js';
import { settleRange, type TrackedIndex } from '../quotes/dayTally.js';
import type { IndexConstituent } from './indexCalculator.js';
import { weightedMembers } from './indexSpec.js';
import { applyWeightCap } from './weightCap.js';

/** Replaces an index's constituents at last prices, capping weights if the index has a cap. Null when done. */
export function recompose(
  book: MarketBook,
  index: TrackedIndex,
  constituents: readonly IndexConstituent[],
): string | null {
  const prices = new Map<string, Paisa>();
  for (const { symbol } of constituents) {
    const quote = book.quotes.get(symbol);
    if (!quote) return `unknown symbol ${symbol}`;
    prices.set(symbol, quote.last);
  }
  // The divisor moves: the day's range so far is kept as levels.
  settleRange(index);
  try {
    const weighted = weightedMembers(constituents, index.weighting);
    const members =
      index.maxWeightBasisPoints === undefined
        ? weighted
        : applyWeightCap(weighted, prices, index.maxWeightBasisPoints);
    index.calculator.recompose(members, prices);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  reindexSymbols(book);
  return null;
}
