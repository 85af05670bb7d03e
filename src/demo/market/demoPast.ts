import { PSX_CALENDAR, tradingDateOf } from '../../market/sessions/tradingCalendar.js';
import { type DemoFxDay, generateDemoFxHistory } from './demoFxHistory.js';
import { type DemoHistory, generateDemoHistory, previousTradingDate } from './demoHistory.js';
import { DEMO_INDICES, DEMO_LISTINGS } from './demoMarket.js';

/**
 * The demo market's past as of `now`: a year of daily bars for every stock
 * and index and of USD/PKR rates, ending the trading day before `now` (the
 * day the demo LDCPs and previous rates belong to). The seeded history, the
 * demo market's FX book and the demo news are all drawn from this one past,
 * so a story's figures are the charts' and tables' figures.
 */
export interface DemoPast {
  /** The last trading day on record: the day before the live one. */
  readonly lastDate: string;
  readonly history: DemoHistory;
  /** USD/PKR by trading day, oldest first, ending at `lastDate`. */
  readonly fx: readonly DemoFxDay[];
}

// The seeding of history and of news at one start ask for the same past: work it out once.
let remembered: DemoPast | null = null;

export function demoPastAt(now: Date): DemoPast {
  const lastDate = previousTradingDate(tradingDateOf(now, PSX_CALENDAR), PSX_CALENDAR);
  if (remembered?.lastDate === lastDate) return remembered;
  remembered = pastEndingAt(lastDate);
  return remembered;
}

function pastEndingAt(lastDate: string): DemoPast {
  return {
    lastDate,
    history: generateDemoHistory({
      listings: DEMO_LISTINGS,
      indices: DEMO_INDICES,
      lastDate,
      calendar: PSX_CALENDAR,
    }),
    fx: generateDemoFxHistory({ lastDate, calendar: PSX_CALENDAR }),
  };
}
