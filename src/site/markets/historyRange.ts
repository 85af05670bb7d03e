import { dateOfDay, dayNumber } from '../../market/sessions/tradingCalendar.js';

/** The spans a daily chart offers, as the `range` query parameter names them. */
export const HISTORY_RANGES = ['1m', '6m', '1y', 'max'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

export const DEFAULT_RANGE: HistoryRange = '1y';

const LABELS: Record<HistoryRange, string> = { '1m': '1M', '6m': '6M', '1y': '1Y', max: 'Max' };
const LONG_LABELS: Record<HistoryRange, string> = {
  '1m': 'one month',
  '6m': 'six months',
  '1y': 'one year',
  max: 'all history',
};

export function rangeLabel(range: HistoryRange): string {
  return LABELS[range];
}

export function rangeLongLabel(range: HistoryRange): string {
  return LONG_LABELS[range];
}

/** The first date a range covers, counting back from `today`; null for everything on record. */
export function rangeStart(range: HistoryRange, today: string): string | null {
  const day = dayNumber(today);
  switch (range) {
    case '1m':
      return dateOfDay(day - 31);
    case '6m':
      return dateOfDay(day - 183);
    case '1y':
      return dateOfDay(day - 365);
    case 'max':
      return null;
  }
}

/** `?range=6m` for a link; the default range has no query so it keeps the canonical address. */
export function rangeQuery(range: HistoryRange): string {
  return range === DEFAULT_RANGE ? '' : `?range=${range}`;
}
