import type { FxRateView } from '../book/marketSnapshot.js';
import type { FxRateUpdate } from './fxRate.js';

/**
 * How far a new rate may move from the pair's last rate before the desk must
 * confirm it. The rupee's interbank rate rarely moves more than a percent in
 * a day; a bigger jump is more often a typing slip (277.5 keyed as 297.5)
 * than news.
 */
export const FX_JUMP_CONFIRM_PERCENT = 2;

/** A rate that moved this much from the last one, and by how much (percent, signed). */
export interface FxJump {
  readonly percent: number;
  readonly last: FxRateView;
}

/** The jump from the last rate of the same pair and market when it is past the threshold; null otherwise. */
export function fxJumpToConfirm(last: FxRateView | undefined, update: FxRateUpdate): FxJump | null {
  if (last === undefined || last.buying <= 0) return null;
  const percent = ((update.buying - last.buying) / last.buying) * 100;
  return Math.abs(percent) > FX_JUMP_CONFIRM_PERCENT ? { percent, last } : null;
}
