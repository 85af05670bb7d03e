import type { Paisa } from '../money/money.js';
import type { IndexConstituent } from './indexCalculator.js';

const FULL = 10_000n;

/**
 * Sets each constituent's `capFactor` so that, at `prices`, no constituent
 * carries more than `maxWeightBasisPoints` of the index (KMI-30's 12 % cap is
 * 1200; psx-market.md §4.9). Iterative, as index providers do it: cap the
 * heaviest, share the freed weight among the rest in proportion, and repeat
 * while anyone else now exceeds the cap. Factors are whole basis points and
 * rounded down, so a capped weight sits at or just under the cap; a final
 * check in exact integers trims any factor the rounding left a hair over.
 * Existing cap factors are ignored: capping always starts from free-float cap.
 */
export function applyWeightCap(
  constituents: readonly IndexConstituent[],
  prices: ReadonlyMap<string, Paisa>,
  maxWeightBasisPoints: number,
): IndexConstituent[] {
  if (!Number.isInteger(maxWeightBasisPoints) || maxWeightBasisPoints <= 0 || maxWeightBasisPoints > 10_000) {
    throw new RangeError('maximum weight must be 1..10000 basis points');
  }
  const max = BigInt(maxWeightBasisPoints);
  const members = BigInt(constituents.length);
  if (members * max < FULL) {
    throw new RangeError(`${constituents.length} constituents cannot all stay under ${maxWeightBasisPoints} bp`);
  }
  const caps = constituents.map((c) => {
    const price = prices.get(c.symbol);
    if (price === undefined) throw new RangeError(`${c.symbol}: no price to cap the weight at`);
    return BigInt(price) * BigInt(c.shares) * BigInt(c.freeFloat);
  });
  if (members * max === FULL && max < FULL) return withFactors(constituents, equalWeightFactors(caps));
  // Each round caps everyone now over the cap. Whole-basis-point factors
  // rounded down can leave a capped member a hair over: its factor is then
  // trimmed by one. The capped set only grows, so this ends.
  const capped = new Set<number>();
  let factors = factorsFor(caps, capped, max);
  for (;;) {
    const over = overweight(caps, factors, max);
    if (over.length === 0) break;
    const newlyOver = over.filter((i) => !capped.has(i));
    if (newlyOver.length > 0) {
      for (const i of newlyOver) capped.add(i);
      if (capped.size === caps.length) throw new RangeError('weights too concentrated to cap');
      factors = factorsFor(caps, capped, max);
      continue;
    }
    for (const i of over) {
      const trimmed = (factors[i] ?? FULL) - 1n;
      if (trimmed <= 0n) throw new RangeError('a cap factor would fall below one basis point');
      factors[i] = trimmed;
    }
  }
  return withFactors(constituents, factors);
}

function withFactors(constituents: readonly IndexConstituent[], factors: readonly bigint[]): IndexConstituent[] {
  return constituents.map((c, i) => {
    const { capFactor: _ignored, ...rest } = c;
    const factor = Number(factors[i]);
    return factor === 10_000 ? rest : { ...rest, capFactor: factor };
  });
}

/**
 * A cap of exactly 100 % ÷ n holds every one of the n members at it: equal
 * weights. Whole-basis-point factors can rarely make n weights exactly equal,
 * so each gets the factor that brings it nearest to the smallest member's
 * free-float cap from below (the smallest keeps 10 000): the weights are as
 * equal as whole basis points allow, none more than one factor basis point
 * off another.
 */
function equalWeightFactors(caps: readonly bigint[]): bigint[] {
  // biome-ignore lint/complexity/useMathMinMax: Math.min takes no bigints
  const smallest = caps.reduce((least, cap) => (cap < least ? cap : least));
  if (smallest <= 0n) throw new RangeError('weights too concentrated to cap');
  return caps.map((cap) => {
    const factor = (FULL * smallest) / cap;
    if (factor <= 0n) throw new RangeError('a cap factor would fall below one basis point');
    return factor;
  });
}

/** Each constituent's share of the index in basis points (rounded down) at these prices and factors. */
export function indexWeights(
  constituents: readonly IndexConstituent[],
  prices: ReadonlyMap<string, Paisa>,
): Map<string, number> {
  const caps = constituents.map(
    (c) => BigInt(prices.get(c.symbol) ?? 0) * BigInt(c.shares) * BigInt(c.freeFloat) * BigInt(c.capFactor ?? 10_000),
  );
  const total = caps.reduce((sum, cap) => sum + cap, 0n);
  return new Map(constituents.map((c, i) => [c.symbol, total === 0n ? 0 : Number(((caps[i] ?? 0n) * FULL) / total)]));
}

/**
 * With the `capped` set fixed at the cap and the rest in proportion: the
 * uncapped keep factor 1, and each capped i gets max·U ÷ (R·capᵢ), where U is
 * the uncapped capitalisation and R the weight left for it.
 */
function factorsFor(caps: readonly bigint[], capped: ReadonlySet<number>, max: bigint): bigint[] {
  const uncapped = caps.reduce((sum, cap, i) => (capped.has(i) ? sum : sum + cap), 0n);
  const left = FULL - BigInt(capped.size) * max;
  return caps.map((cap, i) => {
    if (!capped.has(i)) return FULL;
    if (uncapped === 0n || left <= 0n || cap === 0n) return FULL;
    const factor = (FULL * max * uncapped) / (left * cap);
    return factor > FULL ? FULL : factor;
  });
}

function overweight(caps: readonly bigint[], factors: readonly bigint[], max: bigint): number[] {
  const weighted = caps.map((cap, i) => cap * (factors[i] ?? FULL));
  const total = weighted.reduce((sum, w) => sum + w, 0n);
  return weighted.flatMap((w, i) => (w * FULL > max * total ? [i] : []));
}
