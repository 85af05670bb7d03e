import { formatRupees, groupThousands, type Paisa } from '../../market/money/money.js';
import { toKarachiLocal } from '../../shared/pakistanTime.js';

/** Rupees with thousands separators, two decimals: `1,234.50`. */
export function rupees(amount: Paisa): string {
  return formatRupees(amount, { thousands: true });
}

/** Basis points as a percentage with at most two decimals, trailing zeros dropped: 4500 → `45`, 1250 → `12.5`; `—` when unknown. */
export function percentOf(basisPoints: number | null): string {
  if (basisPoints === null) return UNKNOWN;
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

/** What the desk's pages show for a figure nobody has given yet (a share count from a closing file). */
export const UNKNOWN = '—';

/** A whole number with thousands separators; `—` when unknown. */
export function count(value: number | null): string {
  if (value === null) return UNKNOWN;
  return value < 0 ? `-${groupThousands(String(-value))}` : groupThousands(String(value));
}

/** An instant on Karachi's clock, `2023-01-31 16:05 PKT`. */
export function karachiStamp(at: Date): string {
  return `${toKarachiLocal(at).replace('T', ' ')} PKT`;
}
