import type { Direction } from '../../market/book/marketSnapshot.js';
import { formatRupees, type Paisa } from '../../market/money/money.js';

// How the markets pages write figures: grouped thousands, explicit sign, so a
// rise or fall reads from the text and not from the colour alone.

/** `+0.63`, `-0.02`, `0.00`. */
export function signedRupees(amount: Paisa): string {
  return `${amount > 0 ? '+' : ''}${formatRupees(amount, { thousands: true })}`;
}

/** `40,673.12` from hundredths of a point (or of a rupee). */
export function hundredthsText(hundredths: number, thousands = true): string {
  const sign = hundredths < 0 ? '-' : '';
  const magnitude = Math.abs(hundredths);
  const whole = String(Math.trunc(magnitude / 100));
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${sign}${thousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole}.${fraction}`;
}

/** `+801.80` from hundredths. */
export function signedHundredths(hundredths: number): string {
  return `${hundredths > 0 ? '+' : ''}${hundredthsText(hundredths)}`;
}

/**
 * `+0.98%`, `-1.20%`, `0.00%`: always two decimals, so a column of changes
 * lines up (dropping trailing zeros is the ticker's rule, tickerFormat.ts). A
 * change that rounds to 0.00 carries no sign.
 */
export function signedPercent(percent: number): string {
  const hundredths = Math.round(Math.abs(percent) * 100);
  const text = `${hundredthsText(hundredths)}%`;
  if (hundredths === 0) return text;
  return percent > 0 ? `+${text}` : `-${text}`;
}

export function figureClass(direction: Direction): string {
  return `figure--${direction}`;
}

export function directionOf(change: number): Direction {
  if (change > 0) return 'up';
  if (change < 0) return 'down';
  return 'unchanged';
}
