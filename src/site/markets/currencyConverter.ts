import type { Paisa } from '../../market/money/money.js';

/** Which way the reader converts on the Dollar to PKR page. */
export type ConversionDirection = 'usd-pkr' | 'pkr-usd';

/** An amount as typed: whole units with at most two decimals, no sign, no grouping. */
export const AMOUNT_PATTERN = '^[0-9]{1,12}(\\.[0-9]{1,2})?$';
const AMOUNT = new RegExp(AMOUNT_PATTERN);

/** Reads `100`, `99.5`, `0.25` as hundredths (cents or paisa), exactly; null if malformed. */
export function parseAmount(text: string): bigint | null {
  if (!AMOUNT.test(text)) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

// Thousands written the western way (1,000,000) or the South Asian way (10,00,000): both are how readers here type.
const GROUPED_WHOLE = /^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,2}(?:,[0-9]{2})*,[0-9]{3})$/;

/**
 * An amount as a reader types it: `parseAmount`'s form, or with its whole part
 * grouped by commas (`1,000`, `1,00,000.50`); null for misplaced commas (`1,0`).
 */
export function parseTypedAmount(text: string): bigint | null {
  const trimmed = text.trim();
  const [whole = '', fraction] = trimmed.split('.');
  if (!whole.includes(',')) return parseAmount(trimmed);
  if (!GROUPED_WHOLE.test(whole)) return null;
  return parseAmount(fraction === undefined ? whole.replaceAll(',', '') : `${whole.replaceAll(',', '')}.${fraction}`);
}

/**
 * Converts an amount in hundredths of the source currency at a rate in paisa per
 * US dollar, rounding half up to the nearest hundredth of the target. All in
 * integers: 100 USD at 267.89 is exactly Rs 26,789.00.
 */
export function convertAmount(hundredths: bigint, direction: ConversionDirection, rate: Paisa): bigint {
  const paisaPerDollar = BigInt(rate);
  switch (direction) {
    case 'usd-pkr':
      // cents × paisa/USD ÷ 100 = paisa
      return divideHalfUp(hundredths * paisaPerDollar, 100n);
    case 'pkr-usd':
      // paisa × 100 ÷ paisa/USD = cents
      return divideHalfUp(hundredths * 100n, paisaPerDollar);
  }
}

/** Hundredths as a grouped decimal with two places: 2678900n → `26,789.00`. */
export function formatHundredths(hundredths: bigint): string {
  const negative = hundredths < 0n;
  const magnitude = negative ? -hundredths : hundredths;
  const whole = (magnitude / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}
