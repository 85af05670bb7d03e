import { rememberPrint } from '../endOfDay/closingRules.js';
import { observeRange } from './dayTally.js';
import { printIntoQuote } from './quote.js';
import type { Trade } from './trade.js';
import type { TradeRoute } from './tradeRoute.js';

/**
 * Prints a trade that has passed every check (`malformedTrade`,
 * `offRulesTrade`, the turnover bound): its quote, its day tally and, unless
 * it is late (earlier than the stock's latest trade), every index holding the
 * symbol. Returns whether it was late: behind the stock's last print by the
 * feed's seq when both come from one feed, else by time. `ms` is
 * `trade.time.getTime()`; `keepPrints` is the closing rule's `printsToKeep`.
 */
export function printTrade(route: TradeRoute, trade: Trade, ms: number, keepPrints: number): boolean {
  const { tally } = route;
  const lastTradeMs = tally.lastTradeTime === null ? Number.NEGATIVE_INFINITY : tally.lastTradeTime.getTime();
  const feed = trade.seq === undefined ? null : (trade.feed ?? 'default');
  // Within one feed the seq orders trades; otherwise (no seq, another feed) the stamp does.
  const late =
    feed !== null && feed === tally.lastTradeFeed ? (trade.seq as number) < tally.lastTradeSeq : ms < lastTradeMs;
  printIntoQuote(route.quote, trade, ms, late);
  if (!late) {
    // Never backwards, so a trade without a seq is still judged against the latest stamp seen.
    if (ms > lastTradeMs) tally.lastTradeTime = trade.time;
    tally.lastTradeFeed = feed;
    tally.lastTradeSeq = trade.seq ?? 0;
    const indices = route.indices;
    for (let i = 0; i < indices.length; i++) {
      const { index, member } = indices[i] as (typeof indices)[number];
      if (member === undefined) index.calculator.applyPrice(trade.symbol, trade.price);
      else index.calculator.applyMemberPrice(member, trade.price);
      observeRange(index, trade.time);
    }
  }
  if (tally.turnover !== null) tally.turnover += trade.price * trade.volume;
  if (keepPrints > 0) rememberPrint(tally.prints, { price: trade.price, volume: trade.volume }, keepPrints);
  return late;
}
