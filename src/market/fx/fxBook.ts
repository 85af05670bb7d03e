import type { FxRateView } from '../book/marketSnapshot.js';
import type { FxBookState } from '../book/marketState.js';
import { type Paisa, paisa } from '../money/money.js';
import { percentHundredths } from '../money/rounding.js';
import { PSX_CALENDAR, tradingDateOf } from '../sessions/tradingCalendar.js';
import { type FxMarket, type FxRateUpdate, fxKey, fxRateProblem } from './fxRate.js';

/** The pairs the paper publishes (psx-market.md §6.2, §6.3); a desk may pass others to the book. */
export const FX_PAIRS = ['USD/PKR', 'EUR/PKR', 'GBP/PKR', 'SAR/PKR', 'AED/PKR', 'CNY/PKR'] as const;

export type FxPair = (typeof FX_PAIRS)[number];

/** A pair's rate for one day in one market: the day's last update wins. */
export interface FxDailyRate {
  readonly pair: string;
  readonly market: FxMarket;
  /** `YYYY-MM-DD`, Karachi. */
  readonly date: string;
  readonly buying: Paisa;
  readonly selling: Paisa;
  readonly source: string;
  readonly time: Date;
}

/** A day's rate against the latest earlier day on record (SBP: "closed at … depreciated Rs 0.09 or 0.04 %", §6.1). */
export interface FxDailyChange {
  readonly today: FxDailyRate;
  readonly previous: FxDailyRate | null;
  /** Paisa; 0 when there is no earlier day. */
  readonly buyingChange: Paisa;
  readonly sellingChange: Paisa;
  /** % rounded half away from zero to 2 decimals. */
  readonly buyingChangePercent: number;
}

export type FxBookChange = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Interbank (SBP, one rate) and open-market (ECAP, buying and selling) rates
 * with their daily history. The "previous" rates of a live view are the last
 * rates of the latest earlier day, so they roll over by themselves at
 * midnight Karachi time; before any history they are those the book was
 * started with.
 */
export class FxBook {
  private readonly current = new Map<string, FxRateView>();
  private readonly days = new Map<string, Map<string, FxDailyRate>>();
  private readonly pairs: ReadonlySet<string>;
  private readonly utcOffsetCalendar = PSX_CALENDAR;

  constructor(initial: readonly FxRateView[] = [], pairs: readonly string[] = FX_PAIRS) {
    this.pairs = new Set(pairs);
    for (const view of initial) {
      this.current.set(fxKey(view.pair, view.market), view);
      this.record({ ...view, date: this.dateOf(view.time) });
    }
  }

  /** Live rates, in the order pairs were first seen. */
  rates(): FxRateView[] {
    return [...this.current.values()];
  }

  rate(pair: string, market: FxMarket): FxRateView | undefined {
    return this.current.get(fxKey(pair, market));
  }

  /**
   * Takes an update. Invalid rates are refused; an update older than the
   * live rate only goes into that day's history.
   */
  update(update: FxRateUpdate): FxBookChange {
    const reason = fxRateProblem(update) ?? (this.pairs.has(update.pair) ? null : `pair ${update.pair} is not quoted`);
    if (reason !== null) return { ok: false, reason };
    const key = fxKey(update.pair, update.market);
    const live = this.current.get(key);
    const source = update.source ?? live?.source ?? 'unknown';
    const date = this.dateOf(update.time);
    this.record({
      pair: update.pair,
      market: update.market,
      date,
      buying: update.buying,
      selling: update.selling,
      source,
      time: update.time,
    });
    if (live && update.time < live.time) return { ok: true };
    const previous = live && this.dateOf(live.time) < date ? live : undefined;
    this.current.set(key, {
      pair: update.pair,
      market: update.market,
      buying: update.buying,
      selling: update.selling,
      previousBuying: previous?.buying ?? live?.previousBuying ?? update.buying,
      previousSelling: previous?.selling ?? live?.previousSelling ?? update.selling,
      source,
      time: update.time,
    });
    return { ok: true };
  }

  exportState(): FxBookState {
    return {
      current: this.rates().map((rate) => ({ ...rate, time: rate.time.toISOString() })),
      days: [...this.days.values()].flatMap((days) =>
        [...days.values()].map((day) => ({ ...day, time: day.time.toISOString() })),
      ),
    };
  }

  /** Replaces the live rates and the history with those `exportState` gave. */
  restoreState(state: FxBookState): void {
    this.current.clear();
    this.days.clear();
    for (const rate of state.current)
      this.current.set(fxKey(rate.pair, rate.market), { ...rate, time: new Date(rate.time) });
    for (const day of state.days) this.record({ ...day, time: new Date(day.time) });
  }

  /** Every day on record for the pair, oldest first. */
  history(pair: string, market: FxMarket): FxDailyRate[] {
    const days = this.days.get(fxKey(pair, market));
    return days ? [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) : [];
  }

  /** The day's rate against the latest earlier day, or null when the day has no rate. */
  dailyChange(pair: string, market: FxMarket, date: string): FxDailyChange | null {
    const history = this.history(pair, market);
    const at = history.findIndex((day) => day.date === date);
    const today = history[at];
    if (!today) return null;
    const previous = history[at - 1] ?? null;
    const buyingChange = paisa(previous ? today.buying - previous.buying : 0);
    return {
      today,
      previous,
      buyingChange,
      sellingChange: paisa(previous ? today.selling - previous.selling : 0),
      buyingChangePercent: previous ? percentHundredths(buyingChange, previous.buying) / 100 : 0,
    };
  }

  private record(rate: FxDailyRate): void {
    const key = fxKey(rate.pair, rate.market);
    const days = this.days.get(key) ?? new Map<string, FxDailyRate>();
    const existing = days.get(rate.date);
    if (!existing || rate.time >= existing.time) days.set(rate.date, rate);
    this.days.set(key, days);
  }

  private dateOf(time: Date): string {
    return tradingDateOf(time, this.utcOffsetCalendar);
  }
}
