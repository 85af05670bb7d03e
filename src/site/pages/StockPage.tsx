import { indexUrl, stockUrl, tagUrl } from '../../http/siteUrls.js';
import type { QuoteView } from '../../market/book/marketSnapshot.js';
import { formatRupees, type Paisa } from '../../market/money/money.js';
import type { Instrument } from '../../market/quotes/instrument.js';
import type { ArticleSummary } from '../../news/article.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { StoryList } from '../components/StoryList.js';
import { ChartCredit } from '../markets/ChartFigure.js';
import { liveAttributes } from '../markets/liveFields.js';
import { directionOf, figureClass, signedHundredths, signedPercent, signedRupees } from '../markets/marketFigures.js';
import { type ChartedHistory, DailyChart, RecentHistory, TodayChart } from '../markets/QuoteCharts.js';
import { QuoteHead } from '../markets/QuoteHead.js';
import { RangeFigures } from '../markets/RangeFigures.js';
import {
  basisPointsText,
  countText,
  knownCountText,
  knownRupeesText,
  marketCapPaisa,
  UNKNOWN_FIGURE,
} from '../markets/stockFigures.js';

/** An index the stock belongs to, with its weight there and the points it gave or took today. */
export interface IndexMembership {
  readonly code: string;
  readonly name: string;
  readonly weightBasisPoints: number;
  readonly points: number;
}

export interface StockPageData extends ChartedHistory {
  readonly quote: QuoteView;
  readonly instrument: Instrument | undefined;
  readonly memberships: readonly IndexMembership[];
  readonly news: readonly ArticleSummary[];
}

const rupees = (value: number) => formatRupees(value as Paisa, { thousands: true });

/** A stock's page: live quote, key figures, charts, index memberships, history and its news. */
export function StockPage(props: { readonly chrome: PageChrome; readonly data: StockPageData }) {
  const { quote, instrument } = props.data;
  const key = `s:${quote.symbol}`;
  const path = stockUrl(quote.symbol);
  const source = { kind: 'quote', code: quote.symbol } as const;
  const marketCap = marketCapPaisa(quote.last, instrument?.sharesOutstanding ?? null);
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
      <QuoteHead
        trail={quote.sector}
        name={quote.name}
        code={quote.symbol}
        label="Quote"
        liveKey={key}
        direction={quote.direction}
        change={signedRupees(quote.change)}
        percent={signedPercent(quote.changePercent)}
        against="LDCP"
        time={quote.time}
      >
        Rs <span {...liveAttributes(key, 'last')}>{rupees(quote.last)}</span>
      </QuoteHead>
      <KeyFigures data={props.data} marketCap={marketCap} />
      <TodayChart source={source} points={props.data.intraday} previousClose={quote.ldcp} day={props.data.day} />
      <DailyChart source={source} range={props.data.range} bars={props.data.rangeBars} />
      <Memberships memberships={props.data.memberships} />
      <RecentHistory source={source} bars={props.data.yearBars} />
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
  const shares = instrument?.sharesOutstanding ?? null;
  const freeFloat = instrument?.freeFloat ?? null;
  const valueUnknown = quote.turnover === null && quote.volume > 0;
  const sharesUnknown = shares === null;
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
        <RangeFigures liveKey={key} low={quote.low} high={quote.high} fiftyTwoWeek={fiftyTwoWeek} format={rupees} />
        <div>
          <dt>LDCP</dt>
          <dd>{rupees(quote.ldcp)}</dd>
        </div>
        <div>
          <dt>Volume (shares)</dt>
          <dd {...liveAttributes(key, 'volume')}>{countText(quote.volume)}</dd>
        </div>
        <div>
          {/* The exchange's files call the share volume "turnover", so the money figure is named by what it is,
              with its unit, and written to the paisa; it moves with the volume beside it. */}
          <dt>Value traded (Rs)</dt>
          <dd {...liveAttributes(key, 'turnover')}>
            {quote.volume === 0 ? rupees(0) : quote.turnover === null ? UNKNOWN_FIGURE : rupees(quote.turnover)}
          </dd>
        </div>
        {quote.vwap !== null || valueUnknown ? (
          <div>
            <dt>VWAP (Rs)</dt>
            <dd {...liveAttributes(key, 'vwap')}>{quote.vwap === null ? UNKNOWN_FIGURE : rupees(quote.vwap)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Market cap</dt>
          <dd>{knownRupeesText(props.marketCap)}</dd>
        </div>
        <div>
          <dt>Shares outstanding</dt>
          <dd>{knownCountText(shares)}</dd>
        </div>
        <div>
          <dt>Free float</dt>
          <dd>
            {freeFloat === null
              ? UNKNOWN_FIGURE
              : shares === null
                ? basisPointsText(freeFloat)
                : `${basisPointsText(freeFloat)} (${countText(Math.floor((shares * freeFloat) / 10_000))} shares)`}
          </dd>
        </div>
      </dl>
      {valueUnknown || sharesUnknown || freeFloat === null ? (
        <ul class="figure-notes">
          {valueUnknown ? (
            <li>
              {UNKNOWN_FIGURE} Value traded and VWAP are not known: this day's figures come from the exchange's closing
              file, which gives the volume traded but not its value.
            </li>
          ) : null}
          {sharesUnknown ? (
            <li>
              {UNKNOWN_FIGURE} Shares outstanding are not on record for {quote.symbol}, so its market cap is not known
              either.
            </li>
          ) : null}
          {freeFloat === null ? (
            <li>
              {UNKNOWN_FIGURE} The free float of {quote.symbol} is not on record.
            </li>
          ) : null}
        </ul>
      ) : null}
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
