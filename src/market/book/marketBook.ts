import { IndexCalculator, type IndexDefinition } from '../indices/indexCalculator.js';
import { type IndexWeighting, weightedMembers } from '../indices/indexSpec.js';
import { applyWeightCap } from '../indices/weightCap.js';
import type { Paisa } from '../money/money.js';
import type { DayTally, TrackedIndex } from '../quotes/dayTally.js';
import type { Instrument } from '../quotes/instrument.js';
import type { Quote } from '../quotes/quote.js';

/**
 * What the market holds per stock and per index. The maps are kept in
 * symbol order: snapshots list quotes as the reference ticker does.
 */
export interface MarketBook {
  readonly instruments: Map<string, Instrument>;
  readonly quotes: Map<string, Quote>;
  readonly tallies: Map<string, DayTally>;
  readonly indices: TrackedIndex[];
  /** The indices a trade in the symbol moves; rebuilt whenever constituents change. */
  readonly indicesBySymbol: Map<string, TrackedIndex[]>;
}

export function emptyBook(): MarketBook {
  return { instruments: new Map(), quotes: new Map(), tallies: new Map(), indices: [], indicesBySymbol: new Map() };
}

/** An index started at its base value at `prices`, capping weights if the definition has a cap. */
export function trackIndex(
  definition: IndexDefinition,
  prices: ReadonlyMap<string, Paisa>,
  time: Date,
  weighting: IndexWeighting = 'free-float',
): TrackedIndex {
  const weighted = weightedMembers(definition.constituents, weighting);
  const constituents =
    definition.maxWeightBasisPoints === undefined
      ? weighted
      : applyWeightCap(weighted, prices, definition.maxWeightBasisPoints);
  return {
    calculator: new IndexCalculator({ ...definition, constituents }, prices),
    returnType: definition.returnType ?? 'price',
    baseDate: definition.baseDate,
    maxWeightBasisPoints: definition.maxWeightBasisPoints,
    weighting,
    baseValue: definition.baseValue,
    previousClose: definition.baseValue,
    time,
    open: null,
    high: null,
    low: null,
    highCapitalisation: null,
    lowCapitalisation: null,
  };
}

export function reindexSymbols(book: MarketBook): void {
  book.indicesBySymbol.clear();
  for (const index of book.indices) {
    for (const symbol of index.calculator.symbols()) {
      const list = book.indicesBySymbol.get(symbol) ?? [];
      list.push(index);
      book.indicesBySymbol.set(symbol, list);
    }
  }
}

export function findIndex(book: MarketBook, code: string): TrackedIndex | undefined {
  return book.indices.find((i) => i.calculator.code === code);
}

export function lastPrices(book: MarketBook): Map<string, Paisa> {
  return new Map([...book.quotes].map(([symbol, quote]) => [symbol, quote.last]));
}

export function instrumentOf(book: MarketBook, symbol: string): Instrument {
  const instrument = book.instruments.get(symbol);
  // Quotes are only ever created beside their instrument.
  if (!instrument) throw new Error(`No instrument for quote ${symbol}`);
  return instrument;
}

export function tallyOf(book: MarketBook, symbol: string): DayTally {
  const tally = book.tallies.get(symbol);
  if (!tally) throw new Error(`No day tally for ${symbol}`);
  return tally;
}

/** Plain code-unit order (`BAFL` < `BOP`), as the reference ticker lists symbols. */
export function compareSymbols(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Puts a map's entries in symbol order, in place. */
export function sortBySymbol(map: Map<string, unknown>): void {
  const entries = [...map].sort(([a], [b]) => compareSymbols(a, b));
  map.clear();
  for (const [key, value] of entries) map.set(key, value);
}
