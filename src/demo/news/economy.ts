import { karachiTime } from '../../shared/pakistanTime.js';
import { createPrng } from '../../shared/prng.js';

/**
 * The demo economy's published figures, one series each, so every story that
 * quotes inflation, the policy rate or the reserves agrees with every other:
 * monthly CPI (year-on-year, %), SBP's policy rate, and the central bank's
 * liquid reserves by week. The series end near the reference month's levels
 * and move as such figures do, a little at a time.
 */
export interface DemoEconomy {
  /** CPI inflation of a month (`YYYY-MM`), % year-on-year to one decimal. */
  cpi(month: string): number;
  /** Core (non-food, non-energy) urban inflation of a month, % to one decimal. */
  coreCpi(month: string): number;
  /** SBP's policy rate, %, unchanged through the demo's months. */
  readonly policyRate: number;
  /** SBP's liquid reserves at the end of the week before `at`, billions of dollars to two decimals. */
  reservesBefore(at: Date): number;
  /** The month before `at`'s Karachi month: what "last month" means in copy. */
  monthBefore(at: Date, back?: number): string;
}

const MONTHS = 24;
const WEEKS = 60;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
// Reference-month levels: CPI in the high twenties, a 17 % policy rate, reserves under $4 billion.
const LAST_CPI = 27.6;
const LAST_CORE = 17.4;
const LAST_RESERVES = 3.68;

export function createDemoEconomy(now: Date, seed: number): DemoEconomy {
  const prng = createPrng(seed ^ 0x5eed);
  const lastMonth = monthIndex(now) - 1;
  const cpi = new Map<number, number>();
  const core = new Map<number, number>();
  let level = LAST_CPI;
  let coreLevel = LAST_CORE;
  for (let month = lastMonth; month > lastMonth - MONTHS; month -= 1) {
    cpi.set(month, round(level, 1));
    core.set(month, round(coreLevel, 1));
    // Walking back: inflation climbed through the demo year, by under a point and a half a month.
    level = Math.max(8, level - 0.7 + 0.45 * prng.normal());
    coreLevel = Math.max(6, coreLevel - 0.35 + 0.2 * prng.normal());
  }
  // Weeks end on Fridays; week 0 is the one that ended last before `now`.
  const lastFriday = fridayOnOrBefore(now.getTime() - WEEK_MS / 7);
  const reserves: number[] = [];
  let held = LAST_RESERVES;
  for (let week = 0; week < WEEKS; week += 1) {
    reserves.push(round(held, 2));
    held = Math.min(9.8, Math.max(3, held + 0.08 + 0.16 * prng.normal()));
  }
  const figure = (series: Map<number, number>, month: string, name: string): number => {
    const value = series.get(parseMonth(month));
    if (value === undefined) throw new RangeError(`no demo ${name} for ${month}`);
    return value;
  };
  return {
    cpi: (month) => figure(cpi, month, 'CPI'),
    coreCpi: (month) => figure(core, month, 'core CPI'),
    policyRate: 17,
    reservesBefore(at) {
      const weeksBack = Math.floor((lastFriday - fridayOnOrBefore(at.getTime() - WEEK_MS / 7)) / WEEK_MS);
      return reserves[Math.min(WEEKS - 1, Math.max(0, weeksBack))] ?? LAST_RESERVES;
    },
    monthBefore(at, back = 1) {
      return monthText(monthIndex(at) - back);
    },
  };
}

/** Months since year 0, Karachi. */
function monthIndex(at: Date): number {
  const time = karachiTime(at);
  return time.year * 12 + time.month - 1;
}

function monthText(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function parseMonth(month: string): number {
  const [year, number] = month.split('-').map(Number);
  return (year ?? 0) * 12 + (number ?? 1) - 1;
}

/** The start of the Karachi day of the Friday on or before `ms` (epoch ms, UTC), as epoch ms. */
function fridayOnOrBefore(ms: number): number {
  const karachi = ms + 5 * 60 * 60 * 1000;
  const day = Math.floor(karachi / (24 * 60 * 60 * 1000));
  // Day 0 (1970-01-01) was a Thursday: Fridays are days ≡ 1 (mod 7).
  return (day - ((day - 1 + 7 * 1000) % 7)) * 24 * 60 * 60 * 1000;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** "January" for a `YYYY-MM` month. */
export function monthName(month: string): string {
  const names = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return names[((parseMonth(month) % 12) + 12) % 12] ?? 'January';
}
