import type { MarketPhase, MarketStatusView } from '../book/marketSnapshot.js';
import { marketPhase, nextPhaseChange, type TradingCalendar, tradingDateOf } from './tradingCalendar.js';

/** The words the ticker shows for a phase. */
export function statusText(phase: MarketPhase): string {
  switch (phase) {
    case 'pre-open':
      return 'Pre-open';
    case 'open':
      return 'Market open';
    case 'break':
      return 'Break';
    case 'post-close':
      return 'Post-close';
    case 'closed':
      return 'Market closed';
    case 'halted':
      return 'Market halted';
  }
}

/** The calendar's status at `now`, with the next change of phase. */
export function sessionStatus(now: Date, calendar: TradingCalendar): MarketStatusView {
  const phase = marketPhase(now, calendar);
  const text = phase === 'closed' && isHoliday(now, calendar) ? 'Market closed for a holiday' : statusText(phase);
  return { phase, text, nextChange: nextPhaseChange(now, calendar) };
}

/** Whether `now` falls on a holiday the desk declared (a special schedule for the date wins over it). */
function isHoliday(now: Date, calendar: TradingCalendar): boolean {
  const date = tradingDateOf(now, calendar);
  return calendar.holidays.includes(date) && !Object.hasOwn(calendar.specialSchedules, date);
}

/** Whether a trade may print in this phase: only in continuous trading. */
export function acceptsTrades(phase: MarketPhase): boolean {
  return phase === 'open';
}
