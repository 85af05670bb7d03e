/**
 * Integer division rounded half away from zero, the rule the reference ticker
 * follows for % change and index points (psx-market.md §1.2). Done in integers
 * so that 0.125 never turns into 0.12 through a binary float.
 */
export function divideRoundingHalfAway(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(`Cannot divide ${numerator} by ${denominator} exactly`);
  }
  const negative = numerator < 0 !== denominator < 0;
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const quotient = Math.floor(n / d);
  const remainder = n - quotient * d;
  const rounded = remainder * 2 >= d ? quotient + 1 : quotient;
  return negative ? -rounded : rounded;
}

/** The same rule on BigInt, for the index market capitalisation. */
export function divideBigRoundingHalfAway(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) {
    throw new RangeError('Division by zero');
  }
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const rounded = (n % d) * 2n >= d ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/**
 * Percent change in hundredths of a percent (0.98% → 98): change ÷ base × 100,
 * rounded half away from zero to 2 decimals.
 */
export function percentHundredths(change: number, base: number): number {
  return divideRoundingHalfAway(change * 10_000, base);
}
