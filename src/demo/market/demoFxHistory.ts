import { type Paisa, paisa } from '../../market/money/money.js';
import type { TradingCalendar } from '../../market/sessions/tradingCalendar.js';
import { createPrng } from '../../shared/prng.js';
import { tradingDatesBack } from './demoHistory.js';

/** One day of the demo's US dollar: SBP's interbank close and the exchange companies' open-market rates. */
export interface DemoFxDay {
  /** `YYYY-MM-DD`, Karachi: a trading day. */
  readonly date: string;
  readonly interbank: Paisa;
  readonly openBuying: Paisa;
  readonly openSelling: Paisa;
}

/** The last day's rates: the "previous" USD/PKR rates the demo market starts with (demoFxRates). */
export const DEMO_USD_LAST_DAY = {
  interbank: paisa(26_861),
  openBuying: paisa(26_800),
  openSelling: paisa(27_100),
} as const;

export interface DemoFxHistoryInput {
  readonly lastDate: string;
  readonly calendar: TradingCalendar;
  /** Calendar days covered, counting back from `lastDate`; default 365. */
  readonly days?: number;
  readonly seed?: number;
}

/**
 * A year of USD/PKR by trading day, walked backwards from the demo's last
 * closing rates so that it ends exactly where the live rates start: a rupee
 * that weakens on balance through the year (as it did in the reference
 * year), a few tenths of a percent a day, and an open market a rupee or so
 * either side of interbank with a three-rupee spread. Pure and deterministic.
 */
export function generateDemoFxHistory(input: DemoFxHistoryInput): DemoFxDay[] {
  const dates = tradingDatesBack(input.lastDate, input.days ?? 365, input.calendar);
  const prng = createPrng(input.seed ?? 20_230_131);
  const interbank = new Array<number>(dates.length);
  const premium = new Array<number>(dates.length);
  interbank[dates.length - 1] = DEMO_USD_LAST_DAY.interbank;
  premium[dates.length - 1] = DEMO_USD_LAST_DAY.openBuying - DEMO_USD_LAST_DAY.interbank;
  for (let i = dates.length - 1; i > 0; i -= 1) {
    // Walking back in time: a positive move here means the rupee was stronger the day before.
    const move = 0.0009 + 0.0022 * prng.normal();
    interbank[i - 1] = Math.round((interbank[i] as number) / (1 + move));
    // The open-market premium wanders slowly between -Rs1.50 and +Rs4.
    premium[i - 1] = Math.min(400, Math.max(-150, (premium[i] as number) + Math.round(12 * prng.normal())));
  }
  return dates.map((date, i) => {
    const rate = interbank[i] as number;
    const openBuying = rate + (premium[i] as number);
    return {
      date,
      interbank: paisa(rate),
      openBuying: paisa(openBuying),
      openSelling: paisa(openBuying + (DEMO_USD_LAST_DAY.openSelling - DEMO_USD_LAST_DAY.openBuying)),
    };
  });
}
