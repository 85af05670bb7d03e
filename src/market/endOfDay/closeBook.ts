import { type MarketBook, tallyOf } from '../book/marketBook.js';
import type { Paisa } from '../money/money.js';
import { emptyTally, indexBar } from '../quotes/dayTally.js';
import { untradedQuote } from '../quotes/quote.js';
import { type ClosingRule, closingPrice, type IndexBar, type InstrumentBar, instrumentBar } from './closingRules.js';

export interface DayBars {
  readonly instruments: InstrumentBar[];
  readonly indices: IndexBar[];
}

/**
 * Ends the day's prices: closing prices by the closing rule, a bar per stock
 * and index, then the roll-over: closes become LDCPs and previous closes,
 * quotes and tallies start untraded.
 */
export function closeBook(book: MarketBook, tradingDate: string, closingRule: ClosingRule, time: Date): DayBars {
  const instruments: InstrumentBar[] = [];
  for (const [symbol, quote] of book.quotes) {
    const tally = tallyOf(book, symbol);
    const close = closingPrice(quote, tally.prints, closingRule);
    instruments.push(instrumentBar(tradingDate, quote, close, tally.turnover));
    for (const index of book.indicesBySymbol.get(symbol) ?? []) index.calculator.applyPrice(symbol, close);
  }
  const bySymbol = new Map(instruments.map((bar) => [bar.symbol, bar]));
  const indices: IndexBar[] = book.indices.map((index) => {
    const members = index.calculator.symbols().map((symbol) => bySymbol.get(symbol));
    const volume = members.reduce((sum, bar) => sum + (bar?.volume ?? 0), 0);
    // One member's unknown turnover leaves the index's unknown too.
    const turnover = members.reduce<number | null>(
      (sum, bar) => (sum === null || bar?.turnover === null ? null : sum + (bar?.turnover ?? 0)),
      0,
    );
    return indexBar(tradingDate, index, index.calculator.value(), volume, turnover);
  });
  for (const bar of instruments) {
    book.quotes.set(bar.symbol, untradedQuote(bar.symbol, bar.close as Paisa, time));
    book.tallies.set(bar.symbol, emptyTally());
  }
  for (const [i, index] of book.indices.entries()) {
    index.previousClose = indices[i]?.close ?? index.previousClose;
    Object.assign(index, {
      open: null,
      high: null,
      low: null,
      highCapitalisation: null,
      lowCapitalisation: null,
      time,
    });
  }
  return { instruments, indices };
}
