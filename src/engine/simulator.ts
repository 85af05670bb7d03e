import type { Market } from '../market/book/market.js';
import type { FxRateUpdate } from '../market/fx/fxRate.js';
import { type Paisa, paisa } from '../market/money/money.js';
import { priceBand } from '../market/quotes/priceBand.js';
import type { Trade } from '../market/quotes/trade.js';
import { karachiDateKey } from '../shared/pakistanTime.js';
import { createPrng } from '../shared/prng.js';

/** The source the simulated FX moves carry, as the demo's seeded rates do. */
export const SIMULATED_FX_SOURCE = 'Demo';

/** What the simulator reads from a market; it never changes it. */
export type SimulatedMarket = Pick<Market, 'symbols' | 'quote' | 'tradingRules' | 'fxRates' | 'isTradingAt'>;

export interface SimulatorOptions {
  readonly seed: number;
  /** Typical size of one trade's price step, in basis points of the price. */
  readonly stepBasisPoints?: number;
  /** Share of the gap to LDCP closed on each trade; keeps a long demo near the previous close. */
  readonly reversion?: number;
  /** Chance that a given FX rate moves on one call of nextFxRates. */
  readonly fxMoveChance?: number;
}

/** A demo market feed: the same seed gives the same trades, no Math.random, no clock. */
export interface Simulator {
  /** `count` trades at `now`, each on tick and inside its price band; none while the market does not trade. */
  nextTrades(market: SimulatedMarket, now: Date, count: number): Trade[];
  /** Small moves of some FX rates, spreads kept. */
  nextFxRates(market: SimulatedMarket, now: Date): FxRateUpdate[];
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const random = createPrng(options.seed);
  const stepBasisPoints = options.stepBasisPoints ?? 20;
  const reversion = options.reversion ?? 0.03;
  const fxMoveChance = options.fxMoveChance ?? 0.2;
  let seq = 0;

  function nextPrice(current: Paisa, ldcp: Paisa, tickSize: Paisa): number {
    const step = Math.max(tickSize, (current * stepBasisPoints) / 10_000);
    const move = step * random.normal() + reversion * (ldcp - current);
    return Math.round((current + move) / tickSize) * tickSize;
  }

  function tradeVolume(lotSize: number): number {
    // Log-uniform between 100 and 50,000 shares: many small tickets, a few large ones.
    const shares = Math.exp(Math.log(100) + random.next() * Math.log(500));
    return Math.max(lotSize, Math.round(shares / lotSize) * lotSize);
  }

  return {
    nextTrades(market, now, count) {
      const symbols = market.symbols();
      if (symbols.length === 0 || !market.isTradingAt(now)) return [];
      // Several trades in one batch may hit the same stock: each starts from the one before.
      const lasts = new Map<string, Paisa>();
      const trades: Trade[] = [];
      for (let i = 0; i < count; i += 1) {
        const symbol = symbols[random.integer(0, symbols.length - 1)] as string;
        const quote = market.quote(symbol);
        const rules = market.tradingRules(symbol);
        if (!quote || !rules) continue;
        const current = lasts.get(symbol) ?? quote.last;
        const band = priceBand(quote.ldcp, rules.tickSize, rules.band);
        const lowest = Math.ceil(band.lower / rules.tickSize) * rules.tickSize;
        const highest = Math.floor(band.upper / rules.tickSize) * rules.tickSize;
        const price = paisa(Math.min(highest, Math.max(lowest, nextPrice(current, quote.ldcp, rules.tickSize))));
        lasts.set(symbol, price);
        seq += 1;
        trades.push({ symbol, price, volume: tradeVolume(rules.lotSize), time: now, seq });
      }
      return trades;
    },

    nextFxRates(market, now) {
      const updates: FxRateUpdate[] = [];
      for (const rate of market.fxRates()) {
        // A rate the desk (or a real feed) entered today wins for the day: the simulation resumes tomorrow.
        if (rate.source !== SIMULATED_FX_SOURCE && karachiDateKey(rate.time) === karachiDateKey(now)) continue;
        if (random.next() >= fxMoveChance) continue;
        const drift = rate.previousBuying - rate.buying;
        const move = random.integer(-5, 5) + Math.round(drift * 0.1);
        if (move === 0 || rate.buying + move <= 0) continue;
        updates.push({
          pair: rate.pair,
          market: rate.market,
          buying: paisa(rate.buying + move),
          selling: paisa(rate.selling + move),
          time: now,
          source: SIMULATED_FX_SOURCE,
        });
      }
      return updates;
    },
  };
}
