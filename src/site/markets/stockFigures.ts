import { groupThousands } from '../../market/money/money.js';
import type { TurnoverTotal } from '../../market/quotes/marketMovers.js';
import { karachiClock } from '../../shared/pakistanTime.js';

// Figures a stock or index page writes beyond prices: counts, money in
// billions, weights and shares of an index.

/** `1,234,567` shares. */
export function countText(count: number): string {
  return groupThousands(String(count));
}

/**
 * A large sum of paisa in rupees, as a finance page writes it:
 * `Rs 377.54 billion`, `Rs 812.30 million`, else `Rs 1,234.56`. Exact: the
 * rounding (half up) is done on integers.
 */
export function largeRupeesText(paisa: bigint): string {
  const magnitude = paisa < 0n ? -paisa : paisa;
  const sign = paisa < 0n ? '-' : '';
  const scaled = (divisor: bigint, unit: string) => {
    const hundredths = (magnitude * 2n + divisor) / (divisor * 2n);
    return `${sign}Rs ${groupThousands((hundredths / 100n).toString())}.${(hundredths % 100n).toString().padStart(2, '0')}${unit}`;
  };
  // 1 billion rupees = 10^11 paisa; a hundredth of it is 10^9 paisa.
  if (magnitude >= 100_000_000_000n) return scaled(1_000_000_000n, ' billion');
  if (magnitude >= 100_000_000n) return scaled(1_000_000n, ' million');
  return scaled(1n, '');
}

/**
 * A sum of paisa in millions of rupees, two decimals, grouped: `812.30`,
 * `0.05`, `1,234.57`. Value traded is always written in this one unit, so a
 * column (and the total above it) compares at a glance: a mix of billions,
 * millions and plain rupees does not.
 */
export function rupeeMillionsText(paisa: bigint): string {
  const magnitude = paisa < 0n ? -paisa : paisa;
  // A million rupees is 10^8 paisa; its hundredth 10^6. Half up, on integers.
  const hundredths = (magnitude * 2n + 1_000_000n) / 2_000_000n;
  const sign = paisa < 0n && hundredths > 0n ? '-' : '';
  return `${sign}${groupThousands((hundredths / 100n).toString())}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

/** Value traded by one stock in Rs million, or `—` when unknown. */
export function knownValueTradedText(paisa: bigint | null): string {
  return paisa === null ? UNKNOWN_FIGURE : rupeeMillionsText(paisa);
}

/** The heading of a value-traded column, naming its one unit. */
export const VALUE_TRADED_HEADING = 'Value traded (Rs million)';

/**
 * What a page shows for a figure nobody has given: an em dash, explained by a
 * note beside it. Never a zero, which would be a false fact. (An en dash `–`
 * is a figure that does not exist yet, such as today's open before a trade.)
 */
export const UNKNOWN_FIGURE = '—';

/** A large sum, or `—` when unknown. */
export function knownRupeesText(paisa: bigint | null): string {
  return paisa === null ? UNKNOWN_FIGURE : largeRupeesText(paisa);
}

/** A count of shares, or `—` when unknown. */
export function knownCountText(count: number | null): string {
  return count === null ? UNKNOWN_FIGURE : countText(count);
}

/**
 * Value traded over many stocks, in Rs million like every value traded: the
 * sum when every traded stock's value is known; `—` when none is; otherwise
 * the known part, marked as a floor (`at least 1.20`), since the unknown part
 * is missing from it.
 */
export function turnoverTotalText(total: TurnoverTotal): string {
  if (total.unknown === 0) return rupeeMillionsText(total.known);
  if (total.known === 0n) return UNKNOWN_FIGURE;
  return `at least ${rupeeMillionsText(total.known)}`;
}

/** A stock's market cap, `last × shares outstanding` in paisa; null when the share count is unknown. */
export function marketCapPaisa(last: number, sharesOutstanding: number | null): bigint | null {
  return sharesOutstanding === null ? null : BigInt(last) * BigInt(sharesOutstanding);
}

/** Basis points as a percentage with two decimals: 1234 → `12.34%`. */
export function basisPointsText(basisPoints: number): string {
  return `${Math.trunc(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}%`;
}

/** Epoch seconds as Karachi clock time, `14:05`. */
export function karachiClockOfSeconds(epochSeconds: number): string {
  return karachiClock(new Date(epochSeconds * 1000));
}

/**
 * How a page names the trading day its figures belong to: `today`, or
 * `on 31 Dec 2021` when they are an earlier day's (an imported closing file,
 * a site between sessions), so no sentence calls an old day today.
 */
export function dayPhrase(date: string, today: string): string {
  return date === today ? 'today' : `on ${shortDate(date)}`;
}

/** `31 Jan 2023` from `2023-01-31`. */
export function shortDate(date: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${months[Number(month) - 1] ?? ''} ${year}`;
}
