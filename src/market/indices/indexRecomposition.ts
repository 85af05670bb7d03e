import { type MarketBook, reindexSymbols } from '../book/marketBook.js';
import type { Paisa } from '../money/money.js';
import { settleRange, type TrackedIndex } from '../quotes/dayTally.js';
import type { Instrument } from '../quotes/instrument.js';
import type { IndexConstituent } from './indexCalculator.js';
import { IndexCalculator } from './indexCalculator.js';
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
    const members =
      index.maxWeightBasisPoints === undefined
        ? constituents
        : applyWeightCap(constituents, prices, index.maxWeightBasisPoints);
    index.calculator.recompose(members, prices);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  reindexSymbols(book);
  return null;
}

/**
 * Every index holding `next.symbol` takes its new share count and free float
 * (docs/market-math.md §3). All or nothing: each recomposition is tried on a
 * copy first, so a refusal by the second index cannot leave the first changed.
 */
export function recomposeHoldings(book: MarketBook, next: Instrument, time: Date): string | null {
  const symbol = next.symbol;
  const recompositions = (book.indicesBySymbol.get(symbol) ?? []).map((index) => ({
    index,
    constituents: index.calculator
      .constituents()
      .map((c) => (c.symbol === symbol ? { ...c, shares: next.sharesOutstanding, freeFloat: next.freeFloat } : c)),
  }));
  for (const { index, constituents } of recompositions) {
    const copy: TrackedIndex = { ...index, calculator: IndexCalculator.fromState(index.calculator.exportState()) };
    const refused = recompose(book, copy, constituents);
    if (refused) return refused;
  }
  for (const { index, constituents } of recompositions) {
    recompose(book, index, constituents);
    index.time = time;
  }
  return null;
}
