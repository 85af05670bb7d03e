import { rememberPrint } from '../endOfDay/closingRules.js';
import { observeRange } from './dayTally.js';
import { applyCheckedTrade, applyLateTrade } from './quote.js';
import type { Trade } from './trade.js';
import type { TradeRoute } from './tradeRoute.js';

/**
 * Prints a trade that has passed every check (`malformedTrade`,
 * `offRulesTrade`, the turnover bound): its quote, its day tally and, unless
 * it is late (earlier than the stock's latest trade), every index holding the
 * symbol. Returns whether it was late. `keepPrints` is the closing rule's
 * `printsToKeep`.
 */
export function printTrade(route: TradeRoute, trade: Trade, keepPrints: number): boolean {
  const { tally } = route;
  const lastTradeTime = tally.lastTradeTime;
  const late = lastTradeTime !== null && trade.time.getTime() < lastTradeTime.getTime();
  const quote = late ? applyLateTrade(route.quote, trade) : applyCheckedTrade(route.quote, trade);
  route.quote = quote;
  route.book.quotes.set(trade.symbol, quote);
  if (!late) {
    tally.lastTradeTime = trade.time;
    for (const { index, member } of route.indices) {
      if (member === undefined) index.calculator.applyPrice(trade.symbol, trade.price);
      else index.calculator.applyMemberPrice(member, trade.price);
      observeRange(index, trade.time);
    }
  }
  if (tally.turnover !== null) tally.turnover += trade.price * trade.volume;
  if (keepPrints > 0) rememberPrint(tally.prints, { price: trade.price, volume: trade.volume }, keepPrints);
  return late;
}
