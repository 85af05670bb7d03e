import { formatRupees, groupThousands, type Paisa } from '../../market/money/money.js';
import { toKarachiLocal } from '../../shared/pakistanTime.js';

/** Rupees with thousands separators, two decimals: `1,234.50`. */
export function rupees(amount: Paisa): string {
  return formatRupees(amount, { thousands: true });
}

/** Basis points as a percentage with at most two decimals, trailing zeros dropped: 4500 → `45`, 1250 → `12.5`. */
export function percentOf(basisPoints: number): string {
  const sign = basisPoints < 0 ? '-' : '';
  const magnitude = Math.abs(basisPoints);
  const fraction = String(magnitude % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${groupThousands(String(Math.trunc(magnitude / 100)))}${fraction === '' ? '' : `.${fraction}`}`;
}

/** An index value in hundredths of a point, as points with two decimals: 4067312 → `40,673.12`. */
export function points(hundredths: number): string {
  return formatRupees(hundredths as Paisa, { thousands: true });
}

/** A whole number with thousands separators. */
export function count(value: number): string {
  return value < 0 ? `-${groupThousands(String(-value))}` : groupThousands(String(value));
}

/** An instant on Karachi's clock, `2023-01-31 16:05 PKT`. */
export function karachiStamp(at: Date): string {
  return `${toKarachiLocal(at).replace('T', ' ')} PKT`;
}

/** The engine's and the importers' reasons are phrases ("unknown symbol X"); the desk shows sentences. */
export function sentence(reason: string): string {
  const text = reason.charAt(0).toUpperCase() + reason.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
