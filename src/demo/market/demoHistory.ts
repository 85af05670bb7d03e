import type { MarketListing } from '../../market/book/market.js';
import type { DailyBar } from '../../market/endOfDay/closingRules.js';
import type { IndexConstituent, IndexDefinition } from '../../market/indices/indexCalculator.js';
import { divideBigRoundingHalfAway } from '../../market/money/rounding.js';
import type { Instrument } from '../../market/quotes/instrument.js';
import { dateOfDay, dayNumber, isTradingDay, type TradingCalendar } from '../../market/sessions/tradingCalendar.js';
import { createPrng, type Prng } from '../../shared/prng.js';

/** What the demo's past is generated from: the market's listings and indices, ending the day before "today". */
export interface DemoHistoryInput {
  readonly listings: readonly MarketListing[];
  readonly indices: readonly IndexDefinition[];
  /** The last bar's date: the trading day whose closes are the listings' LDCPs and the indices' base values. */
  readonly lastDate: string;
  readonly calendar: TradingCalendar;
  /** Calendar days covered, counting back from `lastDate`; default 365 (a year of trading days). */
  readonly days?: number;
  readonly seed?: number;
}

/** Daily bars, oldest first: stocks in paisa, indices in hundredths of a point. */
export interface DemoHistory {
  readonly instruments: ReadonlyMap<string, readonly DailyBar[]>;
  readonly indices: ReadonlyMap<string, readonly DailyBar[]>;
}

// PSX's ordinary price band is ±10 % or Rs 1 (psx-market.md §4.3); a demo day stays well inside it.
const MAX_DAILY_MOVE = 0.075;

/**
 * A plausible year of daily history, walked backwards from each stock's LDCP
 * so that the last bar closes exactly at it: daily moves of 1.2–3 % (a
 * deviation per stock), opens near the previous close, highs and lows around
 * them, and volumes a fraction of the free float. Indices are computed from
 * their constituents' bars by the index formula, scaled so the last close is
 * the base value. Only the calendar's trading days get a bar. Pure and
 * deterministic: the same input gives the same bars.
 */
export function generateDemoHistory(input: DemoHistoryInput): DemoHistory {
  const dates = tradingDatesBack(input.lastDate, input.days ?? 365, input.calendar);
  const instruments = new Map<string, DailyBar[]>();
  for (const listing of input.listings) {
    const prng = createPrng(seedOf(listing.instrument.symbol, input.seed ?? 2023));
    instruments.set(listing.instrument.symbol, stockBars(listing, dates, prng));
  }
  const indices = new Map<string, DailyBar[]>();
  for (const definition of input.indices) indices.set(definition.code, indexBars(definition, instruments, dates));
  return { instruments, indices };
}

/** The trading day before `date` by the calendar. */
export function previousTradingDate(date: string, calendar: TradingCalendar): string {
  let day = dayNumber(date) - 1;
  // A year without a trading day is a broken calendar, not a long holiday.
  for (let i = 0; i < 370; i += 1, day -= 1) {
    if (isTradingDay(dateOfDay(day), calendar)) return dateOfDay(day);
  }
  throw new RangeError(`no trading day in the year before ${date}`);
}

/** Trading dates in the `days` calendar days ending at `lastDate`, oldest first. */
export function tradingDatesBack(lastDate: string, days: number, calendar: TradingCalendar): string[] {
  const last = dayNumber(lastDate);
  const dates: string[] = [];
  for (let day = last - days + 1; day <= last; day += 1) {
    const date = dateOfDay(day);
    if (isTradingDay(date, calendar)) dates.push(date);
  }
  return dates;
}

function stockBars(listing: MarketListing, dates: readonly string[], prng: Prng): DailyBar[] {
  const deviation = 0.012 + prng.next() * 0.018;
  const drift = (prng.next() - 0.5) * 0.002;
  const floor = Math.max(1, Math.round(listing.ldcp / 20));
  const closes = new Array<number>(dates.length);
  closes[dates.length - 1] = listing.ldcp;
  for (let i = dates.length - 1; i > 0; i -= 1) {
    const move = clamp(drift + deviation * prng.normal(), -MAX_DAILY_MOVE, MAX_DAILY_MOVE);
    closes[i - 1] = Math.max(floor, Math.round((closes[i] as number) / (1 + move)));
  }
  const averageVolume = averageDailyVolume(listing.instrument, prng);
  return dates.map((date, i) => {
    const close = closes[i] as number;
    const previous = i === 0 ? close : (closes[i - 1] as number);
    const open = Math.max(1, Math.round(previous * (1 + clamp(0.3 * deviation * prng.normal(), -0.03, 0.03))));
    const high = Math.round(Math.max(open, close) * (1 + Math.abs(prng.normal()) * deviation * 0.5));
    const low = Math.max(1, Math.round(Math.min(open, close) * (1 - Math.abs(prng.normal()) * deviation * 0.5)));
    const volume = Math.max(0, Math.round(averageVolume * Math.exp(0.5 * prng.normal())));
    // Trades spread across the range: value at the day's typical price.
    const typical = Math.round((high + low + close) / 3);
    return { date, open, high, low, close, volume, turnover: volume * typical };
  });
}

/** A day's volume: 0.05–0.4 % of the free-float shares, around which each day varies. */
function averageDailyVolume(instrument: Instrument, prng: Prng): number {
  // Every demo instrument has its share figures.
  const freeFloatShares = ((instrument.sharesOutstanding ?? 0) * (instrument.freeFloat ?? 0)) / 10_000;
  return freeFloatShares * (0.0005 + prng.next() * 0.0035);
}

function indexBars(
  definition: IndexDefinition,
  instruments: ReadonlyMap<string, readonly DailyBar[]>,
  dates: readonly string[],
): DailyBar[] {
  const members = definition.constituents.map((constituent) => {
    const bars = instruments.get(constituent.symbol);
    if (bars === undefined) throw new RangeError(`${definition.code}: no history for ${constituent.symbol}`);
    return { weight: weightOf(constituent), bars };
  });
  const last = dates.length - 1;
  const capitalisationAt = (i: number, field: 'open' | 'high' | 'low' | 'close'): bigint =>
    members.reduce((sum, member) => sum + BigInt(member.bars[i]?.[field] ?? 0) * member.weight, 0n);
  // The divisor that makes the last day close at the base value, as the live index starts there.
  const divisor = capitalisationAt(last, 'close');
  const level = (capitalisation: bigint) =>
    Number(divideBigRoundingHalfAway(capitalisation * BigInt(definition.baseValue), divisor));
  return dates.map((date, i) => {
    const open = level(capitalisationAt(i, 'open'));
    const close = level(capitalisationAt(i, 'close'));
    return {
      date,
      open,
      close,
      // Σ highs is at least Σ opens and Σ closes; max/min only guard the roundings.
      high: Math.max(level(capitalisationAt(i, 'high')), open, close),
      low: Math.min(level(capitalisationAt(i, 'low')), open, close),
      volume: members.reduce((sum, member) => sum + (member.bars[i]?.volume ?? 0), 0),
      turnover: members.reduce((sum, member) => sum + (member.bars[i]?.turnover ?? 0), 0),
    };
  });
}

function weightOf(constituent: IndexConstituent): bigint {
  return BigInt(constituent.shares) * BigInt(constituent.freeFloat) * BigInt(constituent.capFactor ?? 10_000);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A per-symbol seed, so adding a stock does not change the others' history. */
function seedOf(symbol: string, seed: number): number {
  let hash = seed >>> 0;
  for (const char of symbol) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619) >>> 0;
  return hash;
}
