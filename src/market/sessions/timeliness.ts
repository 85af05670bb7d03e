import type { TradeRejection } from '../quotes/tradeCheck.js';
import { dateOfDay, dayNumber, type TradingCalendar } from './tradingCalendar.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * How far ahead of the server's clock a feed's stamp may be: the exchange's
 * and our clocks are NTP-synced, and a few seconds covers the drift between
 * them. Anything further ahead is a clock fault at the sender (or poison).
 */
export const CLOCK_SKEW_MS = 5_000;

/**
 * The instants whose exchange-local date the calendar can name: four-digit
 * years (the calendar's dates are `YYYY-MM-DD` text, and `Date.UTC` reads
 * years 0–99 as 19xx), with a day's margin so any UTC offset within ±14 h
 * stays inside. 9999-12-31T23:59:59Z is already the year 10000 in Karachi.
 */
const EARLIEST_DATABLE_MS = Date.UTC(1000, 0, 2);
const LATEST_DATABLE_MS = Date.UTC(9999, 11, 30);

/** Whether `time` is a real instant the calendar can date; anything else is malformed, never an exception later. */
export function isDatable(time: Date): boolean {
  const ms = time.getTime();
  return ms >= EARLIEST_DATABLE_MS && ms <= LATEST_DATABLE_MS;
}

/** Why an event stamped `time` is too far ahead of the server's clock `now`, or null. */
export function aheadOfClock(time: Date, now: Date, skewMs: number = CLOCK_SKEW_MS): string | null {
  const ahead = time.getTime() - now.getTime();
  if (ahead <= skewMs) return null;
  return `time ${time.toISOString()} is ahead of the server's clock (${now.toISOString()}) by more than ${skewMs / 1000} s`;
}

export interface TradeDay {
  /** The calendar in force, for the exchange-local (Asia/Karachi) date. */
  readonly calendar: TradingCalendar;
  /** The last trading date the market has closed; its trades are in the day's bars already. */
  readonly lastClosed: string | null;
  /** The server's clock when the trade came in; absent when the log is replayed (it was judged then). */
  readonly now?: Date;
  /** How far ahead of `now` a stamp may be; default `CLOCK_SKEW_MS` (the site's `--feed-clock-skew`). */
  readonly skewMs?: number;
}

/**
 * A trade counts only on today's trading day: not on a day already closed,
 * not on an earlier date than the server's (Karachi) date, and not ahead of
 * the server's clock beyond the allowed skew (`CLOCK_SKEW_MS` unless configured). Without this a trade stamped
 * yesterday or in 1970 was added to today's volume, and one an hour ahead
 * moved the quote's time into the future. The session itself (pre-open,
 * close, holidays) is `TradingStatus.sessionOpen`'s rule.
 */
export function untimelyTrade(time: Date, day: TradeDay): TradeRejection | null {
  const ahead = day.now === undefined ? null : aheadOfClock(time, day.now, day.skewMs);
  if (ahead !== null) return { code: 'future', reason: `trade ${ahead}` };
  if (!isDatable(time)) {
    return { code: 'malformed', reason: `trade time ${time.toISOString()} is outside the years the calendar can date` };
  }
  // Day numbers, not date text: this runs for every trade.
  const tradeDay = localDay(time, day.calendar);
  if (day.lastClosed !== null && tradeDay <= closedDay(day.lastClosed)) {
    return {
      code: 'stale',
      reason: `trade time ${time.toISOString()} is on ${dateOfDay(tradeDay)}, a trading day already closed`,
    };
  }
  if (day.now === undefined) return null;
  const today = localDay(day.now, day.calendar);
  if (tradeDay < today) {
    return {
      code: 'stale',
      reason: `trade time ${time.toISOString()} is on ${dateOfDay(tradeDay)}, before today's trading day ${dateOfDay(today)} (Karachi time)`,
    };
  }
  return null;
}

function localDay(time: Date, calendar: TradingCalendar): number {
  return Math.floor((time.getTime() + calendar.utcOffsetMinutes * MINUTE_MS) / DAY_MS);
}

/** The last closed date as a day number, kept for the next trade: it changes once a day. */
let closed = { date: '', day: 0 };

function closedDay(date: string): number {
  if (closed.date !== date) closed = { date, day: dayNumber(date) };
  return closed.day;
}

/**
 * The trade stamps `untimelyTrade` lets through, for the calendar and last
 * closed day in force, as two instants: from the start of the exchange-local
 * day after `lastClosed` (or the first datable instant) to the last datable
 * one. Worked out once per calendar and closed day, so a trade on time costs
 * two comparisons (and, with a clock, two more) and allocates nothing; only a
 * trade outside needs `untimelyTrade`, for its code and reason.
 */
export class TimelyWindow {
  private calendar: TradingCalendar | null = null;
  private lastClosed: string | null = null;
  private fromMs = Number.NaN;

  /**
   * Exactly whether `untimelyTrade(time, { calendar, lastClosed, now, skewMs })`
   * is null, for `ms` = `time.getTime()`.
   */
  passes(
    ms: number,
    calendar: TradingCalendar,
    lastClosed: string | null,
    now: Date | undefined,
    skewMs: number,
  ): boolean {
    if (calendar !== this.calendar || lastClosed !== this.lastClosed) this.move(calendar, lastClosed);
    if (!(ms >= this.fromMs && ms <= LATEST_DATABLE_MS)) return false;
    if (now === undefined) return true;
    const nowMs = now.getTime();
    return ms - nowMs <= skewMs && localDayOf(ms, calendar) >= localDayOf(nowMs, calendar);
  }

  private move(calendar: TradingCalendar, lastClosed: string | null): void {
    this.calendar = calendar;
    this.lastClosed = lastClosed;
    if (lastClosed === null) {
      this.fromMs = EARLIEST_DATABLE_MS;
      return;
    }
    let closedDayNumber: number;
    try {
      closedDayNumber = closedDay(lastClosed);
    } catch {
      // Not a date: no trade passes here, and untimelyTrade answers each as it always has.
      this.fromMs = Number.POSITIVE_INFINITY;
      return;
    }
    // localDay(t) ≤ closed ⇔ t + offset < (closed + 1) days: the next day starts at (closed + 1) days − offset.
    const nextDayStart = (closedDayNumber + 1) * DAY_MS - calendar.utcOffsetMinutes * MINUTE_MS;
    this.fromMs = Math.max(EARLIEST_DATABLE_MS, nextDayStart);
  }
}

function localDayOf(ms: number, calendar: TradingCalendar): number {
  return Math.floor((ms + calendar.utcOffsetMinutes * MINUTE_MS) / DAY_MS);
}
