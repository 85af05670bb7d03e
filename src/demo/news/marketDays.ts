import type { Rng } from './prng.js';

/** One day's market figures shared by every story of that day. */
export interface MarketDay {
  /** PSX trades Monday to Friday; weekend stories must not report a session. */
  readonly isTradingDay: boolean;
  readonly kse100: number;
  /** Points against the previous session's close (0 on a weekend). */
  readonly kse100Change: number;
  readonly kse30: number;
  readonly kse30Change: number;
  /** Shares traded in the ready market, millions. */
  readonly volumeMillions: number;
  /** Traded value, billions of rupees. */
  readonly valueBillions: number;
  readonly advancers: number;
  readonly decliners: number;
  /** Interbank closing rate, rupees per US dollar. */
  readonly rupee: number;
  /** Paisa against the previous close; positive means the rupee gained. */
  readonly rupeeGainPaisa: number;
  /** Open-market selling rate, rupees per dollar. */
  readonly openMarketRupee: number;
  /** 24-karat gold, rupees per tola. */
  readonly goldPerTola: number;
  readonly goldChange: number;
  /** Brent crude, dollars per barrel. */
  readonly brent: number;
}

// The walk ends on the reference page's closing figures (KSE100 40,673;
// KSE30 15,190; rupee 267.89) so the demo ticker and the stories agree.
const FINAL = { kse100: 40673, kse30: 15190, rupee: 267.89, gold: 206500, brent: 84.9 };

/**
 * Builds the figures for each day (oldest first) by walking backwards from
 * the final day, so the last day always lands on the reference figures.
 * `weekdays` holds the Karachi weekday of each day, 0 = Sunday.
 */
export function buildMarketDays(rng: Rng, weekdays: readonly number[]): MarketDay[] {
  const days: MarketDay[] = [];
  let kse100 = FINAL.kse100;
  let kse30 = FINAL.kse30;
  let rupee = FINAL.rupee;
  let gold = FINAL.gold;
  let brent = FINAL.brent;
  for (let i = weekdays.length - 1; i >= 0; i--) {
    const weekday = weekdays[i] ?? 1;
    const isTradingDay = weekday !== 0 && weekday !== 6;
    const movePct = isTradingDay ? rng.decimal(-1.9, 2.1, 3) : 0;
    const kse100Change = Math.round(kse100 * (movePct / 100) * 10) / 10;
    const kse30Change = Math.round(kse30 * ((movePct + rng.decimal(-0.2, 0.2, 3)) / 100) * 10) / 10;
    const rupeeGainPaisa = isTradingDay ? rng.int(-95, 60) : 0;
    const breadthA = rng.int(60, 240);
    const breadthB = rng.int(60, 240);
    // Breadth follows the index: more gainers than losers on an up day.
    const [advancers, decliners] = movePct >= 0 === breadthA >= breadthB ? [breadthA, breadthB] : [breadthB, breadthA];
    const goldChange = rng.pick([-1500, -1000, -700, -500, 0, 300, 500, 800, 1200, 1800]);
    days.push({
      isTradingDay,
      kse100,
      kse100Change: isTradingDay ? kse100Change : 0,
      kse30,
      kse30Change: isTradingDay ? kse30Change : 0,
      volumeMillions: rng.int(95, 420),
      valueBillions: rng.decimal(4.2, 16.8, 2),
      advancers,
      decliners,
      rupee,
      rupeeGainPaisa,
      openMarketRupee: Math.round((rupee + rng.decimal(1.5, 6, 2)) * 100) / 100,
      goldPerTola: gold,
      goldChange,
      brent,
    });
    // Step back to the previous day's figures.
    kse100 = Math.round(kse100 - kse100Change);
    kse30 = Math.round(kse30 - kse30Change);
    rupee = Math.round((rupee + rupeeGainPaisa / 100) * 100) / 100;
    gold -= goldChange;
    brent = Math.round((brent - rng.decimal(-1.6, 1.6, 2)) * 100) / 100;
  }
  return days.reverse();
}
