import {
  dateOfDay,
  dayNumber,
  instantOf,
  isTradingDay,
  scheduleOn,
  type TradingCalendar,
  tradingDateOf,
} from './tradingCalendar.js';

// As far back as a run of holidays could reach (the calendar's own look-ahead is a year too).
const SEARCH_DAYS = 370;

/**
 * The trading day the live market is on at `now`: today once today's first
 * session period (pre-open) has begun; before that, and on a weekend or a
 * holiday, the last trading day before. The exchange publishes a day's
 * closing file after its close (psx-market.md §5.2), so a file of this day is
 * the newest there can be and one of an earlier day is history, not the live day.
 */
export function liveTradingDate(now: Date, calendar: TradingCalendar): string {
  const today = tradingDateOf(now, calendar);
  const first = scheduleOn(today, calendar)?.periods[0];
  if (isTradingDay(today, calendar) && first !== undefined && now >= instantOf(today, first.start, calendar)) {
    return today;
  }
  let day = dayNumber(today);
  for (let i = 0; i < SEARCH_DAYS; i += 1) {
    day -= 1;
    if (isTradingDay(dateOfDay(day), calendar)) return dateOfDay(day);
  }
  return today;
}

/**
 * Why a closing file of `date` cannot be laid over the market at `now`, or
 * null when it can: a day after the live one has not closed yet, so its file
 * is a wrong file or a mistyped date (psx-market.md §5.2). The server's desk
 * and the offline import both ask this, so they refuse the same files.
 */
export function closingFileTooNew(date: string, now: Date, calendar: TradingCalendar): string | null {
  const live = liveTradingDate(now, calendar);
  return date > live
    ? `The closing file is for ${date}, after the live market's ${live}: the exchange publishes a day's file only after that day's close.`
    : null;
}
