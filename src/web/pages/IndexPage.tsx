import type { PriceRange } from '../../market/barRange.js';
import type { IntradayPoint } from '../../market/intradaySeries.js';
import type { IndexView } from '../../market/marketSnapshot.js';
import { formatRupees } from '../../market/money.js';
import { formatPublished } from '../../news/time.js';
import type { HistoryBar } from '../../store/marketHistory.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { indexUrl, MARKETS_URL, stockUrl } from '../components/urls.js';
import { ChartCredit, ChartFigure, IntradayTable } from '../markets/ChartFigure.js';
import { dailySpec, intradaySpec } from '../markets/chartSpec.js';
import {
  type ConstituentRow,
  type ConstituentSort,
  defaultDirection,
  type SortDirection,
} from '../markets/constituentRows.js';
import { HistoryTable } from '../markets/HistoryTable.js';
import { DEFAULT_RANGE, type HistoryRange, rangeLongLabel } from '../markets/historyRange.js';
import { liveAttributes } from '../markets/liveFields.js';
import {
  directionOf,
  figureClass,
  hundredthsText,
  signedHundredths,
  signedPercent,
  signedRupees,
} from '../markets/marketFigures.js';
import { RangeLinks } from '../markets/RangeLinks.js';
import { basisPointsText } from '../markets/stockFigures.js';

export interface IndexPageData {
  readonly index: IndexView;
  readonly range: HistoryRange;
  readonly rangeBars: readonly HistoryBar[];
  readonly yearBars: readonly HistoryBar[];
  readonly fiftyTwoWeek: PriceRange | null;
  readonly intraday: readonly IntradayPoint[];
  /** Already in the order asked for. */
  readonly rows: readonly ConstituentRow[];
  readonly sort: ConstituentSort;
  readonly direction: SortDirection;
  /** Members whose weight is held down by a cap factor. */
  readonly cappedMembers: number;
}

const HISTORY_DAYS = 30;

const COLUMNS: readonly { readonly sort: ConstituentSort; readonly label: string; readonly text?: boolean }[] = [
  { sort: 'symbol', label: 'Symbol', text: true },
  { sort: 'price', label: 'Price (Rs)' },
  { sort: 'change', label: 'Change' },
  { sort: 'changePercent', label: '% Change' },
  { sort: 'weight', label: 'Weight' },
  { sort: 'points', label: 'Points today' },
];

/** An index's page: live value, charts, constituents with weights and points, methodology, history. */
export function IndexPage(props: { readonly chrome: PageChrome; readonly data: IndexPageData }) {
  const { index } = props.data;
  const key = `i:${index.code}`;
  const path = indexUrl(index.code);
  return (
    <Layout
      chrome={props.chrome}
      currentPath={path}
      charts
      head={{
        title: `${index.name} (${index.code}) today`,
        description: `${index.name}: live value and change, intraday and daily charts, constituents with weights and points contributed, history.`,
        canonicalPath: path,
      }}
    >
      <p class="breadcrumb">
        <a href={MARKETS_URL}>Markets</a> · Indices
      </p>
      <h1>
        {index.name} <span class="quote-symbol">({index.code})</span>
      </h1>
      <section class="quote-head" aria-label="Index value">
        <p class="quote-head__price">
          <span {...liveAttributes(key, 'value')}>{hundredthsText(index.value)}</span> points
        </p>
        <p class="quote-head__move">
          <span class={figureClass(index.direction)} {...liveAttributes(key, 'change')}>
            {signedHundredths(index.change)}
          </span>{' '}
          (
          <span class={figureClass(index.direction)} {...liveAttributes(key, 'changePercent')}>
            {signedPercent(index.changePercent)}
          </span>
          ) against the previous close of {hundredthsText(index.previousClose)}
        </p>
        <p class="story-meta">
          As of <time dateTime={index.time.toISOString()}>{formatPublished(index.time)}</time> (Pakistan time)
        </p>
      </section>
      <dl class="key-figures">
        <div>
          <dt>Day range</dt>
          <dd>
            <span {...liveAttributes(key, 'low')}>{index.low === undefined ? '–' : hundredthsText(index.low)}</span> –{' '}
            <span {...liveAttributes(key, 'high')}>{index.high === undefined ? '–' : hundredthsText(index.high)}</span>
          </dd>
        </div>
        <div>
          <dt>52-week range</dt>
          <dd>
            {props.data.fiftyTwoWeek === null
              ? '–'
              : `${hundredthsText(props.data.fiftyTwoWeek.low)} – ${hundredthsText(props.data.fiftyTwoWeek.high)}`}
          </dd>
        </div>
        <div>
          <dt>Constituents</dt>
          <dd>{props.data.rows.length}</dd>
        </div>
      </dl>
      <ChartFigure
        id="intraday-chart"
        title={`${index.code} today`}
        summary={`Line chart of the ${index.code} today, with the previous close as a reference line.`}
        spec={intradaySpec(`${index.code}`, props.data.intraday, index.previousClose, {
          kind: 'index',
          code: index.code,
        })}
        figures={
          <IntradayTable
            label={`${index.code} intraday figures`}
            caption={`${index.code} by minute (points)`}
            points={props.data.intraday}
          />
        }
      />
      <section id="index-history" aria-labelledby="index-history-heading">
        <h2 id="index-history-heading">Index history</h2>
        <ChartFigure
          id="daily-chart"
          title={`${index.code} daily, ${rangeLongLabel(props.data.range)}`}
          summary={`Candlestick chart of the ${index.code}'s daily open, high, low and close over ${rangeLongLabel(props.data.range)}.`}
          spec={dailySpec(`${index.code} daily`, props.data.rangeBars, { kind: 'index', code: index.code })}
          controls={<RangeLinks path={path} current={props.data.range} anchor="index-history" />}
          csvUrl={`${path}/history.csv`}
        />
      </section>
      <Constituents data={props.data} path={path} />
      <Methodology data={props.data} />
      <HistoryTable
        caption={`${index.code}: last ${HISTORY_DAYS} trading days (points)`}
        label={`${index.code} historical data`}
        bars={props.data.yearBars}
        days={HISTORY_DAYS}
        csvUrl={`${path}/history.csv`}
      />
      <ChartCredit />
    </Layout>
  );
}

function Constituents(props: { readonly data: IndexPageData; readonly path: string }) {
  const { rows, sort, direction, range } = props.data;
  const total = rows.reduce((sum, row) => sum + row.points, 0);
  const href = (column: ConstituentSort) => {
    const nextDirection = column === sort ? (direction === 'asc' ? 'desc' : 'asc') : defaultDirection(column);
    const rangePart = range === DEFAULT_RANGE ? '' : `&range=${range}`;
    return `${props.path}?sort=${column}&dir=${nextDirection}${rangePart}#constituents`;
  };
  return (
    <section id="constituents" aria-labelledby="constituents-heading">
      <h2 id="constituents-heading">Constituents</h2>
      <p>
        Select a column heading to sort by it; select it again to reverse the order.{' '}
        <a href={`${props.path}/constituents.csv`} download="">
          Download the constituents (CSV)
        </a>
      </p>
      <ScrollRegion class="table-scroll" label="Constituents table">
        <table class="data-table">
          <caption>{props.data.index.code} constituents: weight in the index and points contributed today</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.sort}
                  scope="col"
                  class={column.text ? 'text' : undefined}
                  aria-sort={column.sort === sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <a href={href(column.sort)}>{column.label}</a>
                </th>
              ))}
              <th scope="col" class="text">
                Name
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.symbol}>
                <th scope="row" class="text">
                  <a href={stockUrl(row.symbol)}>{row.symbol}</a>
                </th>
                <td {...liveAttributes(`s:${row.symbol}`, 'last')}>{formatRupees(row.price, { thousands: true })}</td>
                <td class={figureClass(row.direction)}>{signedRupees(row.change)}</td>
                <td class={figureClass(row.direction)}>{signedPercent(row.changePercent)}</td>
                <td>{basisPointsText(row.weightBasisPoints)}</td>
                <td class={figureClass(directionOf(row.points))}>{signedHundredths(row.points)}</td>
                <td class="text">{row.name}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" class="text" colSpan={5}>
                Total points contributed (index change {signedHundredths(props.data.index.change)})
              </th>
              <td class={figureClass(directionOf(total))}>{signedHundredths(total)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </section>
  );
}

function Methodology(props: { readonly data: IndexPageData }) {
  const { index, rows, cappedMembers } = props.data;
  return (
    <section aria-labelledby="methodology-heading">
      <h2 id="methodology-heading">How the index is calculated</h2>
      <p>
        The {index.code} is weighted by free-float market capitalisation: each of its {rows.length} members counts with
        its price times the shares the index holds for it times its free float
        {cappedMembers > 0 ? ', times a cap factor where its weight is held down' : ''}. The sum is divided by a
        divisor, recalculated on every trade.
      </p>
      <p>
        When members change or a company issues bonus or rights shares or splits its stock, the divisor is adjusted so
        the index level does not jump. A member's points today are its price change from the previous close times its
        index shares, free float and cap factor, divided by the divisor; together they add up to the index's change,
        give or take rounding.
      </p>
      {cappedMembers > 0 ? (
        <p>
          {cappedMembers} {cappedMembers === 1 ? 'member is' : 'members are'} capped to keep any single company from
          dominating the index.
        </p>
      ) : null}
    </section>
  );
}
