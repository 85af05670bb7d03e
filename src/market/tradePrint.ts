import { rememberPrint } from './endOfDay.js';
import type { MarketBook } from './marketBook.js';
import { type DayTally, observeRange } from './marketDay.js';
import { applyLateTrade, applyTrade, type Quote, type TradingRules } from './quote.js';
import type { Trade } from './trade.js';

/**
 * Prints a checked trade: its quote, its day tally and, unless it is late
 * (earlier than the stock's latest trade), every index holding the symbol.
 * Returns whether it was late, or a reason when applyTrade refuses it.
 * `keepPrints` is the closing rule's `printsToKeep`.
 */
export function printTrade(
  book: MarketBook,
  checked: { readonly trade: Trade; readonly quote: Quote; readonly tally: DayTally; readonly rules: TradingRules },
  keepPrints: number,
): boolean | string {
  const { trade, quote, tally, rules } = checked;
  const late = tally.lastTradeTime !== null && trade.time < tally.lastTradeTime;
  if (late) {
    book.quotes.set(trade.symbol, applyLateTrade(quote, trade));
  } else {
    const outcome = applyTrade(quote, trade, rules);
    if (!outcome.ok) return outcome.reason;
    book.quotes.set(trade.symbol, outcome.quote);
    tally.lastTradeTime = trade.time;
    for (const index of book.indicesBySymbol.get(trade.symbol) ?? []) {
      index.calculator.applyPrice(trade.symbol, trade.price);
      observeRange(index, trade.time);
    }
  }
  tally.turnover += trade.price * trade.volume;
  if (keepPrints > 0) rememberPrint(tally.prints, { price: trade.price, volume: trade.volume }, keepPrints);
  return late;
}
