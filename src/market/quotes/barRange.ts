import type { DailyBar } from '../endOfDay/closingRules.js';
import { dateOfDay, dayNumber } from '../sessions/tradingCalendar.js';

/** A high and a low over some stretch of days, in the bars' units. */
export interface PriceRange {
  readonly high: number;
  readonly low: number;
}

/**
 * The 52-week range: highest high and lowest low of the bars from the same
 * date a year (364 days: 52 weeks) before `today`, widened by today's own
 * range when given. Null when there is nothing to go on.
 */
export function fiftyTwoWeekRange(
  bars: readonly Pick<DailyBar, 'date' | 'high' | 'low'>[],
  today: string,
  todayRange: PriceRange | null = null,
): PriceRange | null {
  const from = dateOfDay(dayNumber(today) - 364);
  let high = todayRange?.high ?? Number.NEGATIVE_INFINITY;
  let low = todayRange?.low ?? Number.POSITIVE_INFINITY;
  for (const bar of bars) {
    if (bar.date < from || bar.date > today) continue;
    high = Math.max(high, bar.high);
    low = Math.min(low, bar.low);
  }
  return Number.isFinite(high) && Number.isFinite(low) ? { high, low } : null;
}
