import type { Rng } from './prng.js';

/**
 * One day's commodity figures shared by every story of that day. The PSX,
 * index and rupee figures are not here: they come from the demo market's own
 * history (marketRecord.ts), as the site's charts and tables show them.
 */
export interface MarketDay {
  /** 24-karat gold, rupees per tola. */
  readonly goldPerTola: number;
  /** Rupees per tola against the day before. */
  readonly goldChange: number;
  /** Brent crude, dollars per barrel. */
  readonly brent: number;
  /** Brent's move on the day, percent to two decimals. */
  readonly brentChangePercent: number;
}

const FINAL = { gold: 206500, brent: 84.9 };

/**
 * Builds each day's figures (oldest first) by walking backwards from the
 * final day, so consecutive days follow on from each other. `weekdays` holds
 * the Karachi weekday of each day, 0 = Sunday.
 */
export function buildMarketDays(rng: Rng, weekdays: readonly number[]): MarketDay[] {
  const days: MarketDay[] = [];
  let gold = FINAL.gold;
  let brent = FINAL.brent;
  for (let i = weekdays.length - 1; i >= 0; i--) {
    const goldChange = rng.pick([-1500, -1000, -700, -500, 0, 300, 500, 800, 1200, 1800]);
    const brentMove = rng.decimal(-1.6, 1.6, 2);
    const previousBrent = Math.round((brent - brentMove) * 100) / 100;
    days.push({
      goldPerTola: gold,
      goldChange,
      brent,
      brentChangePercent: Math.round(((brent - previousBrent) / previousBrent) * 10_000) / 100,
    });
    gold -= goldChange;
    brent = previousBrent;
  }
  return days.reverse();
}
