import type { FxRateView } from '../book/marketSnapshot.js';
import type { Paisa } from '../money/money.js';
import { isDatable } from '../sessions/timeliness.js';

export type FxMarket = FxRateView['market'];

/**
 * A new rate for one pair in one market. Interbank is SBP's single closing rate
 * (buying = selling); the open market has exchange companies' buying and
 * selling (psx-market.md §6.1, §6.2).
 */
export interface FxRateUpdate {
  readonly pair: string;
  readonly market: FxMarket;
  readonly buying: Paisa;
  readonly selling: Paisa;
  readonly time: Date;
  /** Who published it (SBP, ECAP, Demo); kept from the current rate when omitted. */
  readonly source?: string;
}

const PAIR_PATTERN = /^[A-Z]{3}\/[A-Z]{3}$/;

export function fxKey(pair: string, market: FxMarket): string {
  return `${market}:${pair}`;
}

/** Why the rate cannot be taken, or null. */
export function fxRateProblem(update: FxRateUpdate): string | null {
  if (!PAIR_PATTERN.test(update.pair)) return `pair must read like USD/PKR: ${update.pair}`;
  if (!Number.isSafeInteger(update.buying) || update.buying <= 0) return 'buying rate must be positive paisa';
  if (!Number.isSafeInteger(update.selling) || update.selling <= 0) return 'selling rate must be positive paisa';
  if (Number.isNaN(update.time.getTime())) return 'time is not a valid date';
  if (!isDatable(update.time)) return `time ${update.time.toISOString()} is outside the years the calendar can date`;
  switch (update.market) {
    case 'interbank':
      return update.buying === update.selling ? null : 'interbank has one rate: buying must equal selling';
    case 'open':
      return update.selling >= update.buying ? null : 'selling rate must not be below buying rate';
  }
}

/**
 * The rate after an update. The previous rates are the last close and stay put
 * during the day; a pair seen for the first time is its own previous close.
 */
export function applyFxRate(current: FxRateView | undefined, update: FxRateUpdate): FxRateView {
  return {
    pair: update.pair,
    market: update.market,
    buying: update.buying,
    selling: update.selling,
    previousBuying: current?.previousBuying ?? update.buying,
    previousSelling: current?.previousSelling ?? update.selling,
    source: update.source ?? current?.source ?? 'unknown',
    time: update.time,
  };
}
