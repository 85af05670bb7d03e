import type { DailyBar } from '../../market/endOfDay/closingRules.js';
import { percentHundredths } from '../../market/money/rounding.js';
import { dayNumber, instantOf, PSX_CALENDAR } from '../../market/sessions/tradingCalendar.js';
import type { DemoPast } from '../market/demoPast.js';

/** An index's day: level and change in hundredths of a point, as the history table shows them. */
export interface IndexDay {
  readonly close: number;
  readonly change: number;
  /** Change against the previous close, % to 2 decimals (half away from zero). */
  readonly percent: number;
}

/** A stock's day, in paisa. */
export interface StockDay {
  readonly close: number;
  readonly change: number;
  readonly percent: number;
  readonly volume: number;
}

/** Everything a story may say about one session, all read from the demo's own history. */
export interface SessionFigures {
  /** `YYYY-MM-DD`, Karachi. */
  readonly date: string;
  /** "Monday". */
  readonly weekday: string;
  readonly kse100: IndexDay;
  readonly kse30: IndexDay;
  /** KSE-100's change since the last close of the week before. */
  readonly kse100Week: IndexDay;
  readonly sessionsInWeek: number;
  /** Shares traded in all demo stocks. */
  readonly volume: number;
  /** Value traded, paisa. */
  readonly value: number;
  readonly advancers: number;
  readonly decliners: number;
  readonly unchanged: number;
  readonly stocks: ReadonlyMap<string, StockDay>;
  /** SBP's interbank USD/PKR close and its change (positive: the dollar dearer), paisa. */
  readonly rupee: { readonly close: number; readonly change: number; readonly percent: number };
  /** Exchange companies' selling rate for the dollar, paisa. */
  readonly openMarketSelling: number;
}

/** A session's figures count for copy once its post-close is over (Friday's ends 17:15). */
export const SESSION_REPORTED_AT = '17:15';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The demo's sessions, looked up by the time a story goes out. */
export interface MarketRecord {
  /** The latest session whose figures were out at `at`, or null before the record starts. */
  sessionBefore(at: Date): SessionFigures | null;
}

export function marketRecordOf(past: DemoPast): MarketRecord {
  const kse100 = past.history.indices.get('KSE100') ?? [];
  const kse30 = new Map((past.history.indices.get('KSE30') ?? []).map((bar) => [bar.date, bar]));
  const stocks = [...past.history.instruments].map(([symbol, bars]) => ({
    symbol,
    bars: new Map(bars.map((bar, i) => [bar.date, { bar, previous: bars[i - 1] ?? null }])),
  }));
  const fx = past.fx;
  const fxByDate = new Map(fx.map((day, i) => [day.date, { day, previous: fx[i - 1] ?? null }]));
  const dates = kse100.map((bar) => bar.date);
  const cache = new Map<string, SessionFigures>();

  function figures(i: number): SessionFigures | null {
    const bar = kse100[i];
    const previous = kse100[i - 1];
    if (bar === undefined || previous === undefined) return null;
    const cached = cache.get(bar.date);
    if (cached !== undefined) return cached;
    const weekStart = dayNumber(bar.date) - ((weekdayIndex(bar.date) + 6) % 7); // the Monday of its week
    let before = i - 1;
    while (before >= 0 && dayNumber(kse100[before]?.date ?? bar.date) >= weekStart) before -= 1;
    const lastWeek = kse100[before] ?? kse100[0] ?? bar;
    const kse30Bar = kse30.get(bar.date);
    const kse30Previous = kse30.get(previous.date);
    const stockDays = new Map<string, StockDay>();
    let volume = 0;
    let value = 0;
    let advancers = 0;
    let decliners = 0;
    for (const stock of stocks) {
      const day = stock.bars.get(bar.date);
      if (day === undefined || day.previous === null) continue;
      const change = day.bar.close - day.previous.close;
      stockDays.set(stock.symbol, {
        close: day.bar.close,
        change,
        percent: percentHundredths(change, day.previous.close) / 100,
        volume: day.bar.volume,
      });
      volume += day.bar.volume;
      value += day.bar.turnover ?? 0;
      if (change > 0) advancers += 1;
      if (change < 0) decliners += 1;
    }
    const rate = fxByDate.get(bar.date);
    const rupeeChange = rate?.previous ? rate.day.interbank - rate.previous.interbank : 0;
    const session: SessionFigures = {
      date: bar.date,
      weekday: WEEKDAYS[weekdayIndex(bar.date)] ?? 'Monday',
      kse100: indexDay(bar, previous),
      kse30: kse30Bar && kse30Previous ? indexDay(kse30Bar, kse30Previous) : { close: 0, change: 0, percent: 0 },
      kse100Week: indexDay(bar, lastWeek),
      sessionsInWeek: i - before,
      volume,
      value,
      advancers,
      decliners,
      unchanged: stockDays.size - advancers - decliners,
      stocks: stockDays,
      rupee: {
        close: rate?.day.interbank ?? 0,
        change: rupeeChange,
        percent: rate?.previous ? percentHundredths(rupeeChange, rate.previous.interbank) / 100 : 0,
      },
      openMarketSelling: rate?.day.openSelling ?? 0,
    };
    cache.set(bar.date, session);
    return session;
  }

  const reportedAt = dates.map((date) => instantOf(date, SESSION_REPORTED_AT, PSX_CALENDAR).getTime());
  return {
    sessionBefore(at) {
      for (let i = dates.length - 1; i > 0; i -= 1) {
        if ((reportedAt[i] as number) <= at.getTime()) return figures(i);
      }
      return null;
    },
  };
}

function indexDay(bar: DailyBar, previous: DailyBar): IndexDay {
  const change = bar.close - previous.close;
  return { close: bar.close, change, percent: percentHundredths(change, previous.close) / 100 };
}

/** 0 = Sunday; day number 0 is 1970-01-01, a Thursday. */
function weekdayIndex(date: string): number {
  return (dayNumber(date) + 4) % 7;
}
