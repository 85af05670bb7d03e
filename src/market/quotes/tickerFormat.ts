import type { Direction } from '../book/marketSnapshot.js';
import { formatRupees, groupThousands, type Paisa } from '../money/money.js';
import { divideRoundingHalfAway } from '../money/rounding.js';

// The display rules of the reference ticker (DESIGN.md §1, psx-market.md §1.2),
// all in one place so that every page and the live ticker read the same.

/** The words before the change: `Increased By`, `Decreased By`, `No Change`. */
export function directionWords(direction: Direction): string {
  switch (direction) {
    case 'up':
      return 'Increased By';
    case 'down':
      return 'Decreased By';
    case 'unchanged':
      return 'No Change';
  }
}

/** Stock rows carry an arrow; an unchanged stock shows ▼ as the reference does. */
export function directionArrow(direction: Direction): '▲' | '▼' {
  switch (direction) {
    case 'up':
      return '▲';
    case 'down':
    case 'unchanged':
      return '▼';
  }
}

/** `0.98%`, `1.2%`, `0%`, `-1.12%`: at most 2 decimals, trailing zeros and '.' dropped. */
export function formatPercent(percent: number): string {
  const hundredths = Math.sign(percent) * Math.round(Math.abs(percent) * 100);
  return `${stripTrailingZeros(formatScaled(hundredths, 2))}%`;
}

/** An index value given in hundredths of a point, as whole points with commas: 4067312 → `40,673`. */
export function formatIndexValue(hundredths: number): string {
  const points = divideRoundingHalfAway(hundredths, 100);
  const sign = points < 0 ? '-' : '';
  return `${sign}${groupThousands(String(Math.abs(points)))}`;
}

/** An index change given in hundredths of a point, to 1 decimal without trailing zeros: `801.8`, `191`, `-123.4`. */
export function formatIndexChange(hundredths: number): string {
  const tenths = divideRoundingHalfAway(hundredths, 10);
  return stripTrailingZeros(formatScaled(tenths, 1));
}

/** Just what a stock ticker row needs. */
export interface StockTickerFigures {
  readonly symbol: string;
  readonly last: Paisa;
  readonly change: Paisa;
  readonly changePercent: number;
  readonly direction: Direction;
}

/** `AVN 64.80 Increased By ▲ 0.63 (0.98%)`. */
export function formatStockTicker(quote: StockTickerFigures): string {
  const { symbol, last, change, changePercent, direction } = quote;
  return `${symbol} ${formatRupees(last)} ${directionWords(direction)} ${directionArrow(direction)} ${formatRupees(change)} (${formatPercent(changePercent)})`;
}

/** Just what an index ticker row needs; value and change in hundredths of a point. */
export interface IndexTickerFigures {
  readonly code: string;
  readonly value: number;
  readonly change: number;
  readonly changePercent: number;
  readonly direction: Direction;
}

/** `KSE100 40,673 Increased By 801.8 (2.01%)`: no arrow on index rows. */
export function formatIndexTicker(index: IndexTickerFigures): string {
  const { code, value, change, changePercent, direction } = index;
  return `${code} ${formatIndexValue(value)} ${directionWords(direction)} ${formatIndexChange(change)} (${formatPercent(changePercent)})`;
}

/** An integer count of 10^-decimals units written with exactly `decimals` decimals. */
function formatScaled(units: number, decimals: number): string {
  const scale = 10 ** decimals;
  const sign = units < 0 ? '-' : '';
  const magnitude = Math.abs(units);
  const whole = Math.trunc(magnitude / scale);
  const fraction = String(magnitude % scale).padStart(decimals, '0');
  return `${sign}${whole}.${fraction}`;
}

function stripTrailingZeros(decimal: string): string {
  return decimal.replace(/\.?0+$/, '');
}
