import type { Direction } from '../book/marketSnapshot.js';
import { type Paisa, paisa } from '../money/money.js';
import { percentHundredths } from '../money/rounding.js';
import { type PriceBandRule, PSX_PRICE_BAND, priceBand } from './priceBand.js';
import type { Trade } from './trade.js';

/** A stock's state for the trading day; every change is measured against LDCP (psx-market.md §4.7). */
export interface Quote {
  readonly symbol: string;
  /** Last day closing price: the reference for change, % change and the price band. */
  readonly ldcp: Paisa;
  readonly open: Paisa | null;
  readonly high: Paisa | null;
  readonly low: Paisa | null;
  /** Last traded price; LDCP until the first trade of the day. */
  readonly last: Paisa;
  /** Shares traded today. */
  readonly volume: number;
  /** Time of the last trade, or of the LDCP when untraded. */
  readonly time: Date;
}

/**
 * A quote as the market's book holds it: the trade path moves it in place
 * (`printIntoQuote`), so the book lends out copies only (`Market.quote`).
 */
export type LiveQuote = { -readonly [K in keyof Quote]: Quote[K] };

/** What a trade must respect to be accepted. */
export interface TradingRules {
  readonly tickSize: Paisa;
  readonly lotSize: number;
  readonly band: PriceBandRule;
}

export const PSX_TRADING_RULES: TradingRules = { tickSize: paisa(1), lotSize: 1, band: PSX_PRICE_BAND };

export type TradeOutcome =
  | { readonly ok: true; readonly quote: Quote }
  | { readonly ok: false; readonly reason: string };

/** The quote of a stock that has not traded yet today. */
export function untradedQuote(symbol: string, ldcp: Paisa, time: Date): Quote {
  return { symbol, ldcp, open: null, high: null, low: null, last: ldcp, volume: 0, time };
}

/** Why the exchange would not print this trade, or null when it would. */
export function tradeRejection(quote: Quote, trade: Trade, rules: TradingRules = PSX_TRADING_RULES): string | null {
  if (trade.symbol !== quote.symbol) return `trade for ${trade.symbol} applied to ${quote.symbol}`;
  if (!Number.isSafeInteger(trade.price) || trade.price <= 0) return 'price must be a positive whole number of paisa';
  if (!Number.isSafeInteger(trade.volume) || trade.volume <= 0)
    return 'volume must be a positive whole number of shares';
  if (trade.volume % rules.lotSize !== 0)
    return `volume ${trade.volume} is not a multiple of the lot size ${rules.lotSize}`;
  if (trade.price % rules.tickSize !== 0) return `price ${trade.price} paisa is off the tick size ${rules.tickSize}`;
  if (Number.isNaN(trade.time.getTime())) return 'trade time is not a valid date';
  const band = priceBand(quote.ldcp, rules.tickSize, rules.band);
  if (trade.price < band.lower || trade.price > band.upper) {
    return `price ${trade.price} paisa is outside the band ${band.lower}..${band.upper} paisa`;
  }
  return null;
}

/** The quote after one more trade, or the reason the trade is refused (the quote is then unchanged). */
export function applyTrade(quote: Quote, trade: Trade, rules: TradingRules = PSX_TRADING_RULES): TradeOutcome {
  const reason = tradeRejection(quote, trade, rules);
  if (reason !== null) return { ok: false, reason };
  return { ok: true, quote: applyCheckedTrade(quote, trade) };
}

/**
 * The quote after one more trade that has already passed every check
 * `tradeRejection` makes (the market checks each trade once, on the way in).
 */
export function applyCheckedTrade(quote: Quote, trade: Trade): Quote {
  const price = trade.price;
  return {
    symbol: quote.symbol,
    ldcp: quote.ldcp,
    open: quote.open ?? price,
    high: quote.high === null || price > quote.high ? price : quote.high,
    low: quote.low === null || price < quote.low ? price : quote.low,
    last: price,
    volume: quote.volume + trade.volume,
    // Never backwards: the quote's time may be a later LDCP or desk change than this first trade of the day.
    time: quote.time.getTime() > trade.time.getTime() ? quote.time : trade.time,
  };
}

/**
 * `applyCheckedTrade` (or `applyLateTrade` when `late`) written into the
 * book's own quote: a trade allocates no quote and replaces nothing in the
 * book. Every trade adds volume, so a quote's (object, volume) pair still
 * tells one state from another (`QuoteViews`). `ms` is `trade.time.getTime()`.
 */
export function printIntoQuote(quote: LiveQuote, trade: Trade, ms: number, late: boolean): void {
  const price = trade.price;
  if (quote.open === null) quote.open = price;
  if (quote.high === null || price > quote.high) quote.high = price;
  if (quote.low === null || price < quote.low) quote.low = price;
  quote.volume += trade.volume;
  if (late) return;
  quote.last = price;
  // Never backwards, as in applyCheckedTrade: the quote's time may be a later LDCP or desk change.
  if (ms >= quote.time.getTime()) quote.time = trade.time;
}

/** last − LDCP. */
export function quoteChange(quote: Quote): Paisa {
  return paisa(quote.last - quote.ldcp);
}

/** (last − LDCP) ÷ LDCP × 100, rounded half away from zero to 2 decimals. */
export function quoteChangePercent(quote: Quote): number {
  return percentHundredths(quote.last - quote.ldcp, quote.ldcp) / 100;
}

export function directionOf(change: number): Direction {
  if (change > 0) return 'up';
  if (change < 0) return 'down';
  return 'unchanged';
}

/**
 * A trade that arrived after a later one (its time is before the quote's last
 * trade): it happened, so it counts in volume, high and low, but the last
 * price stays that of the latest trade. Validate it with `tradeRejection` first.
 */
export function applyLateTrade(quote: Quote, trade: Trade): Quote {
  return {
    ...quote,
    open: quote.open ?? trade.price,
    high: quote.high === null ? trade.price : paisa(Math.max(quote.high, trade.price)),
    low: quote.low === null ? trade.price : paisa(Math.min(quote.low, trade.price)),
    volume: quote.volume + trade.volume,
  };
}
