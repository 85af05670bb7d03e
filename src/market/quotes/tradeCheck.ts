import { isSymbol } from './instrument.js';
import type { PriceBand } from './priceBand.js';
import type { TradingRules } from './quote.js';
import type { Trade } from './trade.js';

/** Why a market refuses a trade; counted per kind in `Market.stats()`. */
export type TradeRejectionCode =
  | 'malformed'
  | 'unknown symbol'
  | 'stale'
  | 'future'
  | 'outside session'
  | 'market halted'
  | 'off tick'
  | 'off lot'
  | 'outside band';

export const TRADE_REJECTION_CODES: readonly TradeRejectionCode[] = [
  'malformed',
  'unknown symbol',
  'stale',
  'future',
  'outside session',
  'market halted',
  'off tick',
  'off lot',
  'outside band',
];

export interface TradeRejection {
  readonly code: TradeRejectionCode;
  readonly reason: string;
}

/**
 * The largest turnover one quote may reach in a day: 2^53 − 1 paisa, about
 * Rs 90 trillion, some 10,000 times PSX's busiest day's whole-market value.
 * Kept as a safe integer so sums stay exact without BigInt on the hot path.
 */
export const MAX_TURNOVER = Number.MAX_SAFE_INTEGER;

/** Problems visible in the trade alone, before we know the stock. */
export function malformedTrade(trade: Trade): TradeRejection | null {
  const problem = formProblem(trade);
  return problem === null ? null : { code: 'malformed', reason: problem };
}

/**
 * `malformedTrade` for a trade whose symbol is known to pass `isSymbol` (the
 * market keeps routes only for such symbols): the figures alone are checked.
 */
export function malformedFigures(trade: Trade): TradeRejection | null {
  const problem = figuresProblem(trade);
  return problem === null ? null : { code: 'malformed', reason: problem };
}

function formProblem(trade: Trade): string | null {
  if (typeof trade.symbol !== 'string' || !isSymbol(trade.symbol)) return `bad symbol ${JSON.stringify(trade.symbol)}`;
  return figuresProblem(trade);
}

function figuresProblem(trade: Trade): string | null {
  if (!Number.isSafeInteger(trade.price) || trade.price <= 0) return 'price must be a positive whole number of paisa';
  if (!Number.isSafeInteger(trade.volume) || trade.volume <= 0)
    return 'volume must be a positive whole number of shares';
  if (!(trade.time instanceof Date) || Number.isNaN(trade.time.getTime())) return 'trade time is not a valid date';
  if (trade.seq !== undefined && !Number.isSafeInteger(trade.seq)) return 'seq must be a whole number';
  if (!Number.isSafeInteger(trade.price * trade.volume)) return 'price × volume is beyond exact arithmetic';
  return null;
}

/**
 * Problems against the stock's rules: lot, tick, and today's price band, worked
 * out once per LDCP by the caller (psx-market.md §4.3, §4.5, §4.6). For a
 * trade `malformedTrade` passed: price and volume are whole numbers.
 */
export function offRulesTrade(trade: Trade, rules: TradingRules, band: PriceBand): TradeRejection | null {
  // PSX's lot and tick are 1 (share, paisa) for nearly every stock: a whole number needs no division by 1.
  if (rules.lotSize !== 1 && trade.volume % rules.lotSize !== 0) {
    return { code: 'off lot', reason: `volume ${trade.volume} is not a multiple of the lot size ${rules.lotSize}` };
  }
  if (rules.tickSize !== 1 && trade.price % rules.tickSize !== 0) {
    return { code: 'off tick', reason: `price ${trade.price} paisa is off the tick size ${rules.tickSize}` };
  }
  if (trade.price < band.lower || trade.price > band.upper) {
    return {
      code: 'outside band',
      reason: `price ${trade.price} paisa is outside the band ${band.lower}..${band.upper} paisa`,
    };
  }
  return null;
}
