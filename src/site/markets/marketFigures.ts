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

/** `+0.98%`, `-1.64%`, `0%`. */
export function signedPercent(percent: number): string {
  const text = `${Math.abs(percent)
    .toFixed(2)
    .replace(/\.?0+$/, '')}%`;
  if (percent > 0) return `+${text}`;
  if (percent < 0) return `-${text}`;
  return text;
}

export function figureClass(direction: Direction): string {
  return `figure--${direction}`;
}

export function directionOf(change: number): Direction {
  if (change > 0) return 'up';
  if (change < 0) return 'down';
  return 'unchanged';
}
