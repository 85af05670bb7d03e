import { IndexCalculator } from '../indices/indexCalculator.js';
import { emptyTally, indexRange, type TrackedIndex } from '../quotes/dayTally.js';
import type { Instrument } from '../quotes/instrument.js';
import { compareSymbols, type MarketBook, reindexSymbols } from './marketBook.js';
import { type IndexState, type MarketState, quoteFromState, quoteToState, type TallyState } from './marketState.js';

type BookState = Pick<MarketState, 'instruments' | 'quotes' | 'tallies' | 'indices'>;

/** The book's part of a market's state, as plain JSON. */
export function exportBook(book: MarketBook): BookState {
  return {
    instruments: [...book.instruments.values()],
    quotes: [...book.quotes.values()].map(quoteToState),
    tallies: [...book.tallies].map(
      ([symbol, tally]): TallyState => ({
        symbol,
        turnover: tally.turnover,
        lastTradeTime: tally.lastTradeTime?.toISOString() ?? null,
        prints: [...tally.prints],
      }),
    ),
    indices: book.indices.map(
      (index): IndexState => ({
        ...indexRange(index),
        calculator: index.calculator.exportState(),
        returnType: index.returnType,
        ...(index.baseDate === undefined ? {} : { baseDate: index.baseDate }),
        ...(index.maxWeightBasisPoints === undefined ? {} : { maxWeightBasisPoints: index.maxWeightBasisPoints }),
        ...(index.weighting === 'free-float' ? {} : { weighting: index.weighting }),
        ...(index.baseValue === undefined ? {} : { baseValue: index.baseValue }),
        previousClose: index.previousClose,
        time: index.time.toISOString(),
        open: index.open,
      }),
    ),
  };
}

/** Replaces the book's contents with `state`; throws, changing nothing, on a quote without its instrument. */
export function restoreBook(book: MarketBook, state: BookState): void {
  const quotes = [...state.quotes].sort((a, b) => compareSymbols(a.symbol, b.symbol));
  const instruments = new Map(state.instruments.map((instrument) => [instrument.symbol, instrument]));
  for (const quote of quotes) {
    if (!instruments.has(quote.symbol)) throw new RangeError(`state: quote ${quote.symbol} has no instrument`);
  }
  const tallies = new Map(
    state.tallies.map((tally) => [
      tally.symbol,
      {
        turnover: tally.turnover,
        lastTradeTime: tally.lastTradeTime === null ? null : new Date(tally.lastTradeTime),
        // Not kept in a checkpoint: after a restore the next trade is judged by its time.
        lastTradeFeed: null,
        lastTradeSeq: 0,
        prints: [...tally.prints],
      },
    ]),
  );
  const indices: TrackedIndex[] = state.indices.map((index) => ({
    calculator: IndexCalculator.fromState(index.calculator),
    returnType: index.returnType,
    baseDate: index.baseDate,
    maxWeightBasisPoints: index.maxWeightBasisPoints,
    weighting: index.weighting ?? 'free-float',
    baseValue: index.baseValue,
    previousClose: index.previousClose,
    time: new Date(index.time),
    open: index.open,
    high: index.high,
    low: index.low,
    highCapitalisation: null,
    lowCapitalisation: null,
  }));
  book.instruments.clear();
  book.quotes.clear();
  book.tallies.clear();
  for (const quote of quotes) {
    book.instruments.set(quote.symbol, instruments.get(quote.symbol) as Instrument);
    book.quotes.set(quote.symbol, quoteFromState(quote));
    book.tallies.set(quote.symbol, tallies.get(quote.symbol) ?? emptyTally());
  }
  book.indices.splice(0, book.indices.length, ...indices);
  reindexSymbols(book);
}
