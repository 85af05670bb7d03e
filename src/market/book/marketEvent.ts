import type { CorporateAction } from '../corporateActions/corporateAction.js';
import type { FxRateUpdate } from '../fx/fxRate.js';
import type { Trade } from '../quotes/trade.js';
import { applyDeskChange, type DeskChange } from './deskChange.js';
import type { CloseDayResult, CorporateActionResult, Market, MarketChange, TradeReceipt } from './market.js';

/**
 * One change the market took, as the market log keeps it: replaying the
 * accepted events of a day in order on the day's opening state gives the same
 * quotes and indices, because every time comes with the event.
 */
export type MarketEvent =
  | { readonly kind: 'trade'; readonly trade: Trade }
  | { readonly kind: 'fxRate'; readonly update: FxRateUpdate }
  | { readonly kind: 'corporateAction'; readonly action: CorporateAction; readonly time: Date }
  | { readonly kind: 'dayClose'; readonly date: string; readonly time: Date }
  | { readonly kind: 'deskChange'; readonly change: DeskChange; readonly time: Date };

export type MarketEventKind = MarketEvent['kind'];

/** What the market answered to one event, by kind. */
export type MarketEventOutcome =
  | { readonly kind: 'trade'; readonly receipt: TradeReceipt }
  | { readonly kind: 'fxRate'; readonly change: MarketChange }
  | { readonly kind: 'corporateAction'; readonly result: CorporateActionResult }
  | { readonly kind: 'dayClose'; readonly result: CloseDayResult }
  | { readonly kind: 'deskChange'; readonly change: MarketChange };

/**
 * Offers the event to the market; a refused event changes nothing the log
 * needs to keep. `now` is the server's clock when the event came in: trades
 * and rates stamped ahead of it (or, for trades, on an earlier day) are
 * refused. A replay passes none: the log holds only what was judged timely.
 */
export function applyMarketEvent(market: Market, event: MarketEvent, now?: Date): MarketEventOutcome {
  switch (event.kind) {
    case 'trade':
      return tradeOutcome(market.submitTrade(event.trade, now));
    case 'fxRate':
      return { kind: 'fxRate', change: market.setFxRate(event.update, now) };
    case 'corporateAction':
      return { kind: 'corporateAction', result: market.applyCorporateAction(event.action, event.time) };
    case 'dayClose':
      return { kind: 'dayClose', result: market.closeDay(event.date, event.time) };
    case 'deskChange':
      return { kind: 'deskChange', change: applyDeskChange(market, event.change, event.time) };
  }
}

/**
 * The market answers most trades with one of a few shared receipts; their
 * outcomes are shared too, so a batch of thousands of trades, applied to the
 * trial market and again to the live one, allocates no outcome for them.
 */
let lastReceipt: TradeReceipt | null = null;
let lastOutcome: MarketEventOutcome | null = null;

function tradeOutcome(receipt: TradeReceipt): MarketEventOutcome {
  if (receipt === lastReceipt && lastOutcome !== null) return lastOutcome;
  // Only a frozen receipt is a shared one: a rejection's receipt is made for its trade alone.
  if (!Object.isFrozen(receipt)) return { kind: 'trade', receipt };
  lastReceipt = receipt;
  lastOutcome = Object.freeze({ kind: 'trade', receipt });
  return lastOutcome;
}

/** Whether the market took the event as a change worth logging (a duplicate trade is not). */
export function changedMarket(outcome: MarketEventOutcome): boolean {
  switch (outcome.kind) {
    case 'trade':
      return outcome.receipt.ok && !outcome.receipt.duplicate;
    case 'fxRate':
      return outcome.change.ok;
    case 'corporateAction':
      return outcome.result.ok;
    case 'dayClose':
      return outcome.result.ok;
    case 'deskChange':
      return outcome.change.ok;
  }
}

/** The event's own time, which the log keeps beside it. */
export function eventTime(event: MarketEvent): Date {
  switch (event.kind) {
    case 'trade':
      return event.trade.time;
    case 'fxRate':
      return event.update.time;
    case 'corporateAction':
    case 'dayClose':
    case 'deskChange':
      return event.time;
  }
}
