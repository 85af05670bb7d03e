import { indexUrl, stockUrl } from '../../http/siteUrls.js';
import type { IndexView } from '../../market/book/marketSnapshot.js';
import { formatRupees } from '../../market/money/money.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { ChartCredit } from '../markets/ChartFigure.js';
import {
  type ConstituentRow,
  type ConstituentSort,
  defaultDirection,
  type SortDirection,
} from '../markets/constituentRows.js';
import { DEFAULT_RANGE } from '../markets/historyRange.js';
import { liveAttributes } from '../markets/liveFields.js';
import {
  directionOf,
  figureClass,
  hundredthsText,
  signedHundredths,
  signedPercent,
  signedRupees,
} from '../markets/marketFigures.js';
import { type ChartedHistory, DailyChart, RecentHistory, TodayChart } from '../markets/QuoteCharts.js';
import { QuoteHead } from '../markets/QuoteHead.js';
import { RangeFigures } from '../markets/RangeFigures.js';
import { basisPointsText, shortDate } from '../markets/stockFigures.js';

export interface IndexPageData extends ChartedHistory {
  readonly index: IndexView;
  /** Already in the order asked for. */
  readonly rows: readonly ConstituentRow[];
  readonly sort: ConstituentSort;
  readonly direction: SortDirection;
  /** Members whose weight is held down by a cap factor. */
  readonly cappedMembers: number;
  /**
   * `computed`: the figures are the site's own calculation from the
   * exchange's prices; `official`: the index is not computed here and its
   * figures are the exchange's published closes.
   */
  readonly figures: 'computed' | 'official';
  /** For a computed index: the exchange's latest official close on record, to set beside the site's own. */
  readonly officialClose: { readonly date: string; readonly close: number } | null;
}

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
  const { index, figures, officialClose } = props.data;
  const official = figures === 'official';
  const key = `i:${index.code}`;
  const path = indexUrl(index.code);
  const source = { kind: 'index', code: index.code } as const;
  return (
    <Layout
      chrome={props.chrome}
      currentPath={path}
      charts
      head={{
        title: `${index.name} (${index.code}) ${props.data.day}`,
        description: `${index.name}: live value and change, intraday and daily charts, constituents with weights and points contributed, history.`,
        canonicalPath: path,
      }}
    >
      <QuoteHead
        trail="Indices"
        name={index.name}
        code={index.code}
        label={official ? 'Official close' : 'Index value (Broadsheet calculation)'}
        liveKey={key}
        direction={index.direction}
        change={signedHundredths(index.change)}
        percent={signedPercent(index.changePercent)}
        against={`the previous close of ${hundredthsText(index.previousClose)}`}
        time={index.time}
      >
        <span {...liveAttributes(key, 'value')}>{hundredthsText(index.value)}</span> points
      </QuoteHead>
      <dl class="key-figures">
        <RangeFigures
          liveKey={key}
          low={index.low ?? null}
          high={index.high ?? null}
          fiftyTwoWeek={props.data.fiftyTwoWeek}
          format={hundredthsText}
        />
        {official ? null : (
          <div>
            <dt>Constituents</dt>
            <dd>{props.data.rows.length}</dd>
          </div>
        )}
        {officialClose === null ? null : (
          <div>
            <dt>Exchange's official close</dt>
            <dd>
              {hundredthsText(officialClose.close)} (
              <time dateTime={officialClose.date}>{shortDate(officialClose.date)}</time>)
            </dd>
          </div>
        )}
      </dl>
      <p class="figure-notes">
        {official
          ? `Broadsheet does not calculate the ${index.code}: these are the exchange's official closing values as published, updated when the desk imports them.`
          : `The live value is Broadsheet's own calculation from the exchange's prices, by the index's published method; the exchange's official value, published after the close, can differ slightly. In the history below, each day says whose figure it is.`}
      </p>
      {official ? null : (
        <TodayChart
          source={source}
          points={props.data.intraday}
          previousClose={index.previousClose}
          day={props.data.day}
        />
      )}
      <DailyChart source={source} range={props.data.range} bars={props.data.rangeBars} />
      {official ? null : <Constituents data={props.data} path={path} />}
      {official ? null : <Methodology data={props.data} />}
      <RecentHistory source={source} bars={props.data.yearBars} />
      <ChartCredit />
    </Layout>
  );
}

function Constituents(props: { readonly data: IndexPageData; readonly path: string }) {
  const { rows, sort, direction, range, index } = props.data;
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
                <td class={figureClass(row.direction)} {...liveAttributes(`s:${row.symbol}`, 'change')}>
                  {signedRupees(row.change)}
                </td>
                <td class={figureClass(row.direction)} {...liveAttributes(`s:${row.symbol}`, 'changePercent')}>
                  {signedPercent(row.changePercent)}
                </td>
                <td>{basisPointsText(row.weightBasisPoints)}</td>
                <td class={figureClass(directionOf(row.points))}>{signedHundredths(row.points)}</td>
                <td class="text">{row.name}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              {/* The members' points add up to the index's change (constituentRows): the total is that change, live
                  like the value in the page's head, so the two never disagree. */}
              <th scope="row" class="text" colSpan={5}>
                Total points contributed: the index's change
              </th>
              <td class={figureClass(index.direction)} {...liveAttributes(`i:${index.code}`, 'change')}>
                {signedHundredths(index.change)}
              </td>
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
        divisor. The index is recalculated on every trade, but the divisor stays as it is from trade to trade.
      </p>
      <p>
        The divisor changes only when the index is recomposed or a company's corporate action is adjusted for (bonus
        shares, rights issued below the market price, splits, and dividends where the index counts them back in): it is
        moved so the index level does not jump. A member's points today are its price change from the previous close
        times its index shares, free float and cap factor, divided by the divisor in force; after a divisor change
        today, the previous close is shared among the members by their value at the previous close. Together the points
        add up to the index's change, give or take rounding.
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
