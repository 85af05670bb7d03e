import type { HistoryBar } from '../../store/market/marketHistory.js';
import { csvText } from './csvText.js';
import { hundredthsText } from './marketFigures.js';

/** A stock's or an index's daily bars as the CSV both pages offer: plain decimals, no thousands separators. */
export function historyCsvText(bars: readonly HistoryBar[]): string {
  const rows = bars.map((bar) => [
    bar.date,
    hundredthsText(bar.open, false),
    hundredthsText(bar.high, false),
    hundredthsText(bar.low, false),
    hundredthsText(bar.close, false),
    bar.volume,
  ]);
  return csvText(['Date', 'Open', 'High', 'Low', 'Close', 'Volume'], rows);
}
