import type { IntradayPoint } from '../../market/quotes/intradaySeries.js';
import type { HistoryBar } from '../../store/market/marketHistory.js';

/** Which stream entry moves a chart: a stock's last price or an index's value. */
export interface LiveSource {
  readonly kind: 'quote' | 'index';
  readonly code: string;
}

/**
 * What the chart island draws, read from a `<script type="application/json">`
 * block beside the chart (the page's content security policy allows no inline
 * script, and JSON is not script). Figures are hundredths (paisa or hundredths
 * of a point); the island divides by 100 only to draw.
 */
export type ChartSpec =
  | {
      readonly kind: 'intraday';
      readonly label: string;
      /** [epoch seconds, value] per minute. */
      readonly points: readonly (readonly [number, number])[];
      /** The previous close, drawn as a reference line. */
      readonly baseline: number;
      readonly live: LiveSource | null;
    }
  | {
      readonly kind: 'daily';
      readonly label: string;
      /** [YYYY-MM-DD, open, high, low, close] per trading day. */
      readonly bars: readonly (readonly [string, number, number, number, number])[];
      readonly live: LiveSource | null;
    }
  | {
      readonly kind: 'lines';
      readonly label: string;
      /** One line per named series: [YYYY-MM-DD, value]. */
      readonly lines: readonly { readonly name: string; readonly points: readonly (readonly [string, number])[] }[];
    };

export function intradaySpec(
  label: string,
  points: readonly IntradayPoint[],
  baseline: number,
  live: LiveSource | null,
): ChartSpec {
  return { kind: 'intraday', label, points: points.map((point) => [point.time, point.value]), baseline, live };
}

export function dailySpec(label: string, bars: readonly HistoryBar[], live: LiveSource | null): ChartSpec {
  return {
    kind: 'daily',
    label,
    bars: bars.map((bar) => [bar.date, bar.open, bar.high, bar.low, bar.close]),
    live,
  };
}

/**
 * The spec as text safe inside a `<script>` element: `<` is escaped so no
 * name in the data can close the element, and U+2028/9 for old parsers.
 */
export function chartJson(spec: ChartSpec): string {
  return JSON.stringify(spec)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}
