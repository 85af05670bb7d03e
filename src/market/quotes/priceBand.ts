import { type Paisa, paisa } from '../money/money.js';

/**
 * A security's daily price limit ("circuit breaker"): LDCP ± max(percent of
 * LDCP, a minimum). PSX: ±10 % or Rs 1, whichever is higher, since 22 Jul 2024
 * (psx-market.md §0.4, §4.3). Both parts are parameters because PSX has changed
 * the percentage several times (5 % → 7.5 % → 10 %).
 */
export interface PriceBandRule {
  /** Band half-width as basis points of LDCP (1000 = 10 %). */
  readonly percentBasisPoints: number;
  /** The half-width never falls below this. */
  readonly minimumWidth: Paisa;
}

export const PSX_PRICE_BAND: PriceBandRule = { percentBasisPoints: 1000, minimumWidth: paisa(100) };

/** The lowest and highest prices a trade may print at today, both inclusive. */
export interface PriceBand {
  readonly lower: Paisa;
  readonly upper: Paisa;
}

/**
 * PSX's rounding of a band edge onto the tick grid is not published
 * (psx-market.md §4.3); we round the width down to whole ticks, so the band
 * never admits a price beyond the stated percentage.
 */
export function priceBand(ldcp: Paisa, tickSize: Paisa, rule: PriceBandRule = PSX_PRICE_BAND): PriceBand {
  const percentWidth = Math.floor((ldcp * rule.percentBasisPoints) / 10_000);
  const width = Math.max(percentWidth, rule.minimumWidth);
  const onTick = width - (width % tickSize);
  return { lower: paisa(Math.max(ldcp - onTick, tickSize)), upper: paisa(ldcp + onTick) };
}
