import type { PriceRange } from '../../market/barRange.js';
import type { Instrument } from '../../market/instrument.js';
import type { IntradayPoint } from '../../market/intradaySeries.js';
import type { QuoteView } from '../../market/marketSnapshot.js';
import { formatRupees, type Paisa } from '../../market/money.js';
import type { ArticleSummary } from '../../news/article.js';
import { formatPublished } from '../../news/time.js';
import type { HistoryBar } from '../../store/marketHistory.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { StoryList } from '../components/StoryList.js';
import { indexUrl, MARKETS_URL, stockUrl, tagUrl } from '../components/urls.js';
import { ChartCredit, ChartFigure, IntradayTable } from '../markets/ChartFigure.js';
import { dailySpec, intradaySpec } from '../markets/chartSpec.js';
import { HistoryTable } from '../markets/HistoryTable.js';
import type { HistoryRange } from '../markets/historyRange.js';
import { rangeLongLabel } from '../markets/historyRange.js';
import { liveAttributes } from '../markets/liveFields.js';
import { directionOf, figureClass, signedHundredths, signedPercent, signedRupees } from '../markets/marketFigures.js';
import { RangeLinks } from '../markets/RangeLinks.js';
import { basisPointsText, countText, largeRupeesText } from '../markets/stockFigures.js';

/** An index the stock belongs to, with its weight there and the points it gave or took today. */
export interface IndexMembership {
  readonly code: string;
  readonly name: string;
  readonly weightBasisPoints: number;
  readonly points: number;
}

export interface StockPageData {
  readonly quote: QuoteView;
  readonly instrument: Instrument | undefined;
  readonly range: HistoryRange;
  /** Bars the daily chart shows. */
  readonly rangeBars: readonly HistoryBar[];
  /** The last year of bars, for the history table. */
  readonly yearBars: readonly HistoryBar[];
  readonly fiftyTwoWeek: PriceRange | null;
  readonly intraday: readonly IntradayPoint[];
  readonly memberships: readonly IndexMembership[];
  readonly news: readonly ArticleSummary[];
}

const HISTORY_DAYS = 30;
const rupees = (value: number) => formatRupees(value as Paisa, { thousands: true });

/** A stock's page: live quote, key figures, charts, index memberships, history and its news. */
export function StockPage(props: { readonly chrome: PageChrome; readonly data: StockPageData }) {
  const { quote, instrument } = props.data;
  const key = `s:${quote.symbol}`;
  const path = stockUrl(quote.symbol);
  const marketCap = instrument === undefined ? null : BigInt(quote.last) * BigInt(instrument.sharesOutstanding);
  return (
    <Layout
      chrome={props.chrome}
      currentPath={path}
      charts
      head={{
        title: `${quote.symbol} share price: ${quote.name}`,
        description: `${quote.name} (${quote.symbol}) on the Pakistan Stock Exchange: live price, change, volume, 52-week range, charts, history and news.`,
        canonicalPath: path,
      }}
    >
      <p class="breadcrumb">
        <a href={MARKETS_URL}>Markets</a> · {quote.sector}
      </p>
      <h1>
        {quote.name} <span class="quote-symbol">({quote.symbol})</span>
      </h1>
      <section class="quote-head" aria-label="Quote">
        <p class="quote-head__price">
          Rs <span {...liveAttributes(key, 'last')}>{rupees(quote.last)}</span>
        </p>
        <p class="quote-head__move">
          <span class={figureClass(quote.direction)} {...liveAttributes(key, 'change')}>
            {signedRupees(quote.change)}
          </span>{' '}
          (
          <span class={figureClass(quote.direction)} {...liveAttributes(key, 'changePercent')}>
            {signedPercent(quote.changePercent)}
          </span>
          ) against LDCP
        </p>
        <p class="story-meta">
          As of <time dateTime={quote.time.toISOString()}>{formatPublished(quote.time)}</time> (Pakistan time)
        </p>
      </section>
      <KeyFigures data={props.data} marketCap={marketCap} />
      <ChartFigure
        id="intraday-chart"
        title={`${quote.symbol} today`}
        summary={`Line chart of ${quote.symbol}'s price today, with the previous close as a reference line.`}
        spec={intradaySpec(`${quote.symbol} price`, props.data.intraday, quote.ldcp, {
          kind: 'quote',
          code: quote.symbol,
        })}
        figures={
          <IntradayTable
            label={`${quote.symbol} intraday figures`}
            caption={`${quote.symbol} price by minute (Rs)`}
            points={props.data.intraday}
          />
        }
      />
      <section id="price-history" aria-labelledby="price-history-heading">
        <h2 id="price-history-heading">Price history</h2>
        <ChartFigure
          id="daily-chart"
          title={`${quote.symbol} daily prices, ${rangeLongLabel(props.data.range)}`}
          summary={`Candlestick chart of ${quote.symbol}'s daily open, high, low and close over ${rangeLongLabel(props.data.range)}.`}
          spec={dailySpec(`${quote.symbol} daily`, props.data.rangeBars, { kind: 'quote', code: quote.symbol })}
          controls={<RangeLinks path={path} current={props.data.range} anchor="price-history" />}
          csvUrl={`${path}/history.csv`}
        />
      </section>
      <Memberships memberships={props.data.memberships} />
      <HistoryTable
        caption={`${quote.symbol}: last ${HISTORY_DAYS} trading days (Rs)`}
        label={`${quote.symbol} historical data`}
        bars={props.data.yearBars}
        days={HISTORY_DAYS}
        csvUrl={`${path}/history.csv`}
      />
      <section aria-labelledby="stock-news">
        <h2 id="stock-news">News about {quote.symbol}</h2>
        {props.data.news.length > 0 ? (
          <>
            <StoryList stories={props.data.news} level={3} />
            <p>
              <a href={tagUrl(quote.symbol.toLowerCase())}>All stories tagged {quote.symbol}</a>
            </p>
          </>
        ) : (
          <p>No stories are tagged {quote.symbol} yet.</p>
        )}
      </section>
      <ChartCredit />
    </Layout>
  );
}

function KeyFigures(props: { readonly data: StockPageData; readonly marketCap: bigint | null }) {
  const { quote, instrument, fiftyTwoWeek } = props.data;
  const key = `s:${quote.symbol}`;
  return (
    <section aria-labelledby="key-figures">
      <h2 id="key-figures" class="visually-hidden">
        Key figures
      </h2>
      <dl class="key-figures">
        <div>
          <dt>Open</dt>
          <dd {...liveAttributes(key, 'open')}>{quote.open === null ? '–' : rupees(quote.open)}</dd>
        </div>
        <div>
          <dt>Day range</dt>
          <dd>
            <span {...liveAttributes(key, 'low')}>{quote.low === null ? '–' : rupees(quote.low)}</span> –{' '}
            <span {...liveAttributes(key, 'high')}>{quote.high === null ? '–' : rupees(quote.high)}</span>
          </dd>
        </div>
        <div>
          <dt>52-week range</dt>
          <dd>{fiftyTwoWeek === null ? '–' : `${rupees(fiftyTwoWeek.low)} – ${rupees(fiftyTwoWeek.high)}`}</dd>
        </div>
        <div>
          <dt>LDCP</dt>
          <dd>{rupees(quote.ldcp)}</dd>
        </div>
        <div>
          <dt>Volume</dt>
          <dd {...liveAttributes(key, 'volume')}>{countText(quote.volume)}</dd>
        </div>
        <div>
          <dt>Turnover</dt>
          <dd>{largeRupeesText(BigInt(quote.turnover ?? 0))}</dd>
        </div>
        {quote.vwap !== undefined ? (
          <div>
            <dt>VWAP</dt>
            <dd>{rupees(quote.vwap)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Market cap</dt>
          <dd>{props.marketCap === null ? '–' : largeRupeesText(props.marketCap)}</dd>
        </div>
        {instrument !== undefined ? (
          <>
            <div>
              <dt>Shares outstanding</dt>
              <dd>{countText(instrument.sharesOutstanding)}</dd>
            </div>
            <div>
              <dt>Free float</dt>
              <dd>
                {basisPointsText(instrument.freeFloat)} (
                {countText(Math.floor((instrument.sharesOutstanding * instrument.freeFloat) / 10_000))} shares)
              </dd>
            </div>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Memberships(props: { readonly memberships: readonly IndexMembership[] }) {
  return (
    <section aria-labelledby="memberships-heading">
      <h2 id="memberships-heading">Index memberships</h2>
      {props.memberships.length === 0 ? (
        <p>This stock is not in any of the indices we follow.</p>
      ) : (
        <ScrollRegion class="table-scroll" label="Index memberships table">
          <table class="data-table">
            <caption>Weight in each index and points contributed today</caption>
            <thead>
              <tr>
                <th scope="col">Index</th>
                <th scope="col">Weight</th>
                <th scope="col">Points today</th>
              </tr>
            </thead>
            <tbody>
              {props.memberships.map((membership) => (
                <tr key={membership.code}>
                  <th scope="row" class="text">
                    <a href={indexUrl(membership.code)}>{membership.name}</a>
                  </th>
                  <td>{basisPointsText(membership.weightBasisPoints)}</td>
                  <td class={figureClass(directionOf(membership.points))}>{signedHundredths(membership.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
