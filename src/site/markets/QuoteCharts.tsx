import { indexUrl, stockUrl } from '../../http/siteUrls.js';
import type { PriceRange } from '../../market/quotes/barRange.js';
import type { IntradayPoint } from '../../market/quotes/intradaySeries.js';
import type { HistoryBar } from '../../store/market/marketHistory.js';
import { ChartFigure, IntradayTable } from './ChartFigure.js';
import { dailySpec, intradaySpec, type LiveSource } from './chartSpec.js';
import { HistoryTable } from './HistoryTable.js';
import { type HistoryRange, rangeLongLabel } from './historyRange.js';
import { RangeLinks } from './RangeLinks.js';

// The stock and index pages chart the same way; only the words differ (a
// stock has a price in rupees, an index a value in points).

const HISTORY_DAYS = 30;

/** What a stock's or an index's page charts, as its route gathers it. */
export interface ChartedHistory {
  readonly range: HistoryRange;
  /** The trading day the live figures belong to, as a sentence says it: `today` or `on 31 Dec 2021`. */
  readonly day: string;
  /** Bars the daily chart shows. */
  readonly rangeBars: readonly HistoryBar[];
  /** The last year of bars, for the history table. */
  readonly yearBars: readonly HistoryBar[];
  readonly fiftyTwoWeek: PriceRange | null;
  readonly intraday: readonly IntradayPoint[];
}

interface ChartWords {
  readonly path: string;
  /** The intraday series: `OGDC price`, `KSE100`. */
  readonly series: string;
  /** What moves today: `OGDC's price`, `the KSE100`. */
  readonly mover: string;
  /** Whose daily candles: `OGDC's`, `the KSE100's`. */
  readonly owner: string;
  readonly unit: string;
  readonly historyAnchor: string;
  readonly historyHeading: string;
  readonly dailyTitle: string;
}

function wordsFor(source: LiveSource): ChartWords {
  const { code } = source;
  switch (source.kind) {
    case 'quote':
      return {
        path: stockUrl(code),
        series: `${code} price`,
        mover: `${code}'s price`,
        owner: `${code}'s`,
        unit: 'Rs',
        historyAnchor: 'price-history',
        historyHeading: 'Price history',
        dailyTitle: `${code} daily prices`,
      };
    case 'index':
      return {
        path: indexUrl(code),
        series: code,
        mover: `the ${code}`,
        owner: `the ${code}'s`,
        unit: 'points',
        historyAnchor: 'index-history',
        historyHeading: 'Index history',
        dailyTitle: `${code} daily`,
      };
  }
}

/** The day's line against the previous close, with its figures as a table; `day` is `today` or `on 31 Dec 2021`. */
export function TodayChart(props: {
  readonly source: LiveSource;
  readonly points: readonly IntradayPoint[];
  readonly previousClose: number;
  readonly day: string;
}) {
  const { code } = props.source;
  const words = wordsFor(props.source);
  return (
    <ChartFigure
      id="intraday-chart"
      title={`${code} ${props.day}`}
      summary={`Line chart of ${words.mover} ${props.day}, with the previous close as a reference line.`}
      spec={intradaySpec(words.series, props.points, props.previousClose, props.source)}
      figures={
        <IntradayTable
          label={`${code} intraday figures`}
          caption={`${words.series} by minute (${words.unit})`}
          points={props.points}
        />
      }
    />
  );
}

/** The daily candles over the chosen range, with the range links and the CSV download. */
export function DailyChart(props: {
  readonly source: LiveSource;
  readonly range: HistoryRange;
  readonly bars: readonly HistoryBar[];
}) {
  const { code } = props.source;
  const words = wordsFor(props.source);
  const span = rangeLongLabel(props.range);
  return (
    <section id={words.historyAnchor} aria-labelledby={`${words.historyAnchor}-heading`}>
      <h2 id={`${words.historyAnchor}-heading`}>{words.historyHeading}</h2>
      <ChartFigure
        id="daily-chart"
        title={`${words.dailyTitle}, ${span}`}
        summary={`Candlestick chart of ${words.owner} daily open, high, low and close over ${span}.`}
        spec={dailySpec(`${code} daily`, props.bars, props.source)}
        controls={<RangeLinks path={words.path} current={props.range} anchor={words.historyAnchor} />}
        csvUrl={`${words.path}/history.csv`}
      />
    </section>
  );
}

/** The last trading days as a table, newest first. */
export function RecentHistory(props: { readonly source: LiveSource; readonly bars: readonly HistoryBar[] }) {
  const { code } = props.source;
  const words = wordsFor(props.source);
  return (
    <HistoryTable
      caption={`${code}: last ${HISTORY_DAYS} trading days (${words.unit})`}
      label={`${code} historical data`}
      bars={props.bars}
      days={HISTORY_DAYS}
      csvUrl={`${words.path}/history.csv`}
      sources={props.source.kind === 'index'}
    />
  );
}
