import { type MarketBook, tallyOf } from '../book/marketBook.js';
import type { IndexMember } from '../indices/indexCalculator.js';
import type { DayTally, TrackedIndex } from './dayTally.js';
import { type PriceBand, priceBand } from './priceBand.js';
import type { LiveQuote, TradingRules } from './quote.js';

/**
 * Everything a trade in one symbol reads or moves, looked up once rather than
 * map by map on every trade. It stays true while only trades change the book
 * (`printTrade` keeps it so); the market drops its routes on any other change.
 */
export interface TradeRoute {
  readonly book: MarketBook;
  /** The book's own quote of the symbol, which printing a trade moves in place. */
  readonly quote: LiveQuote;
  readonly rules: TradingRules;
  /** Today's band, from the quote's LDCP. */
  readonly band: PriceBand;
  readonly tally: DayTally;
  /** The indices the symbol moves, each with the symbol's member handle in it. */
  readonly indices: readonly IndexHolding[];
}

export interface IndexHolding {
  readonly index: TrackedIndex;
  /** Undefined only if the index no longer holds the symbol (a trade then leaves its level alone). */
  readonly member: IndexMember | undefined;
}

/** The route of a listed symbol, or undefined when the book has no quote for it. */
export function tradeRoute(book: MarketBook, symbol: string, rules: TradingRules): TradeRoute | undefined {
  // The book's quotes are its own objects, never lent out (`Market.quote` copies): this one may move.
  const quote = book.quotes.get(symbol) as LiveQuote | undefined;
  if (quote === undefined) return undefined;
  const indices: IndexHolding[] = [];
  for (const index of book.indicesBySymbol.get(symbol) ?? []) {
    indices.push({ index, member: index.calculator.member(symbol) });
  }
  return {
    book,
    quote,
    rules,
    band: priceBand(quote.ldcp, rules.tickSize, rules.band),
    tally: tallyOf(book, symbol),
    indices,
  };
}
