import { indexUrl, MARKETS_URL, sectionUrl, stockUrl } from '../../http/siteUrls.js';
import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { formatRupees, type Paisa } from '../../market/money/money.js';
import type { IntradayPoint } from '../../market/quotes/intradaySeries.js';
import { marketBreadth, sectorPerformance, turnoverTotal } from '../../market/quotes/marketMovers.js';
import type { ArticleSummary, Section } from '../../news/article.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { StoryList } from '../components/StoryList.js';
import { ChartCredit, ChartFigure, IntradayTable } from '../markets/ChartFigure.js';
import { intradaySpec } from '../markets/chartSpec.js';
import { LiveMove } from '../markets/LiveMove.js';
import { liveAttributes } from '../markets/liveFields.js';
import { MoversSection } from '../markets/MoversSection.js';
import {
  directionOf,
  figureClass,
  hundredthsText,
  signedHundredths,
  signedPercent,
  signedRupees,
} from '../markets/marketFigures.js';
import {
  countText,
  shortDate,
  turnoverTotalText,
  UNKNOWN_FIGURE,
  VALUE_TRADED_HEADING,
} from '../markets/stockFigures.js';
import type { PublishedFigures } from '../routes/publishedIndexFigures.js';

const price = (value: Paisa | null) => (value === null ? '–' : formatRupees(value, { thousands: true }));

/** The Markets section's latest stories, shown under the figures when the paper has such a section. */
export interface MarketsSectionStories {
  readonly section: Section;
  readonly stories: readonly ArticleSummary[];
}

/**
 * The market at a glance: status and breadth, the indices with today's
 * charts, movers, sectors, every quote, then the latest markets stories.
 */
export function MarketsPage(props: {
  readonly chrome: PageChrome;
  readonly snapshot: MarketSnapshot;
  readonly latest: MarketsSectionStories | null;
  /** Today's path of each index, by code. */
  readonly intraday: ReadonlyMap<string, readonly IntradayPoint[]>;
  /** The trading day the figures belong to, as a sentence says it: `today` or `on 31 Dec 2021`. */
  readonly day: string;
  /** Indices only the exchange computes, with their latest official close. */
  readonly published?: readonly PublishedFigures[];
}) {
  const published = props.published ?? [];
  const { snapshot, day } = props;
  const breadth = marketBreadth(snapshot.quotes);
  const turnover = turnoverTotal(snapshot.quotes);
  const volume = snapshot.quotes.reduce((sum, quote) => sum + quote.volume, 0);
  // Each live index has its intraday chart; a site with none (a fresh one) loads no chart script and credits none.
  const drawsCharts = snapshot.indices.length > 0;
  return (
    <Layout
      chrome={props.chrome}
      currentPath={MARKETS_URL}
      charts={drawsCharts}
      head={{
        title: 'Markets: PSX stocks and indices',
        description: 'Pakistan Stock Exchange prices, indices and volumes, updated through the trading day.',
        canonicalPath: MARKETS_URL,
      }}
    >
      <h1>Markets</h1>
      <p class="market-status">
        {snapshot.status !== undefined ? (
          <>
            <strong class={`market-status__phase market-status__phase--${snapshot.status.phase}`}>
              {snapshot.status.text}
            </strong>
            {snapshot.status.nextChange !== null ? (
              <>
                {' '}
                until{' '}
                <time dateTime={snapshot.status.nextChange.toISOString()}>
                  {formatPublished(snapshot.status.nextChange)}
                </time>
              </>
            ) : null}
            .{' '}
          </>
        ) : null}
        Prices as of <time dateTime={snapshot.asOf.toISOString()}>{formatPublished(snapshot.asOf)}</time> (Pakistan
        time). Change is against the previous day's close (LDCP).
      </p>
      <h2 class="visually-hidden">Market breadth</h2>
      <dl class="key-figures">
        <div>
          <dt>Advancers</dt>
          <dd class="figure--up">{breadth.advancers}</dd>
        </div>
        <div>
          <dt>Decliners</dt>
          <dd class="figure--down">{breadth.decliners}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd>{breadth.unchanged}</dd>
        </div>
        <div>
          <dt>Volume</dt>
          <dd>{countText(volume)}</dd>
        </div>
        <div>
          <dt>{VALUE_TRADED_HEADING}</dt>
          <dd>{turnoverTotalText(turnover)}</dd>
        </div>
      </dl>
      {turnover.unknown > 0 ? (
        <p class="figure-notes">
          {UNKNOWN_FIGURE} The value traded is not known for {countText(turnover.unknown)}{' '}
          {turnover.unknown === 1 ? 'stock' : 'stocks'}: their figures come from the exchange's closing file, which
          gives volumes but not values
          {turnover.known > 0n ? ', so the total counts only the other stocks' : ''}.
        </p>
      ) : null}

      <section aria-labelledby="indices-heading">
        <h2 id="indices-heading">Indices</h2>
        <div class="index-cards">
          {snapshot.indices.map((index) => {
            const key = `i:${index.code}`;
            const points = props.intraday.get(index.code) ?? [];
            return (
              <article class="index-card" key={index.code} aria-labelledby={`index-card-${index.code}`}>
                <h3 id={`index-card-${index.code}`}>
                  <a href={indexUrl(index.code)}>{index.name}</a>
                </h3>
                <p class="index-card__value">
                  <span {...liveAttributes(key, 'value')}>{hundredthsText(index.value)}</span>{' '}
                  <LiveMove
                    liveKey={key}
                    direction={index.direction}
                    change={signedHundredths(index.change)}
                    percent={signedPercent(index.changePercent)}
                  />
                </p>
                <ChartFigure
                  id={`intraday-${index.code}`}
                  title={`${index.code} ${day}`}
                  summary={`Line chart of the ${index.code} ${day} against its previous close.`}
                  spec={intradaySpec(index.code, points, index.previousClose, { kind: 'index', code: index.code })}
                  figures={
                    <IntradayTable
                      label={`${index.code} intraday figures`}
                      caption={`${index.code} by minute (points)`}
                      points={points}
                    />
                  }
                />
              </article>
            );
          })}
        </div>
        {snapshot.indices.length === 0 && published.length === 0 ? null : (
          <ScrollRegion class="table-scroll" label="Indices table">
            <table class="data-table">
              <caption>Indices</caption>
              <thead>
                <tr>
                  <th scope="col">Index</th>
                  <th scope="col">Value</th>
                  <th scope="col">Previous close</th>
                  <th scope="col">Change</th>
                  <th scope="col">% Change</th>
                  <th scope="col" class="text">
                    Figures
                  </th>
                </tr>
              </thead>
              <tbody>
                {snapshot.indices.map((index) => (
                  <tr key={index.code}>
                    <th scope="row" class="text">
                      {index.code} <span class="story-meta">{index.name}</span>
                    </th>
                    <td {...liveAttributes(`i:${index.code}`, 'value')}>{hundredthsText(index.value)}</td>
                    <td>{hundredthsText(index.previousClose)}</td>
                    <td class={figureClass(index.direction)} {...liveAttributes(`i:${index.code}`, 'change')}>
                      {signedHundredths(index.change)}
                    </td>
                    <td class={figureClass(index.direction)} {...liveAttributes(`i:${index.code}`, 'changePercent')}>
                      {signedPercent(index.changePercent)}
                    </td>
                    <td class="text">Broadsheet calculation, live</td>
                  </tr>
                ))}
                {published.map(({ index, view, date }) => (
                  <tr key={index.code}>
                    <th scope="row" class="text">
                      {view === null ? index.code : <a href={indexUrl(index.code)}>{index.code}</a>}{' '}
                      <span class="story-meta">{index.name}</span>
                    </th>
                    <td>{view === null ? UNKNOWN_FIGURE : hundredthsText(view.value)}</td>
                    <td>{view === null ? UNKNOWN_FIGURE : hundredthsText(view.previousClose)}</td>
                    <td class={view === null ? undefined : figureClass(view.direction)}>
                      {view === null ? UNKNOWN_FIGURE : signedHundredths(view.change)}
                    </td>
                    <td class={view === null ? undefined : figureClass(view.direction)}>
                      {view === null ? UNKNOWN_FIGURE : signedPercent(view.changePercent)}
                    </td>
                    <td class="text">
                      {date === null ? (
                        'No official close on record yet'
                      ) : (
                        <>
                          Exchange, official close of <time dateTime={date}>{shortDate(date)}</time>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {snapshot.indices.length === 0 && published.length === 0 ? (
          <p>No index is defined yet. The market desk defines indices and imports their history.</p>
        ) : (
          <p class="figure-notes">
            Live figures are Broadsheet's own calculation from the exchange's prices, by each index's published method;
            they can differ slightly from the exchange's official values, which it publishes after the close.
            {published.length > 0
              ? ' Indices marked "Exchange, official close" are shown as the exchange published them.'
              : ''}
          </p>
        )}
      </section>

      <MoversSection quotes={snapshot.quotes} day={day} />

      {snapshot.quotes.length === 0 ? (
        <section aria-labelledby="stocks-heading">
          <h2 id="stocks-heading">All stocks</h2>
          <p>No stock is listed yet. The market desk lists instruments, and their prices appear here as they trade.</p>
        </section>
      ) : (
        <>
          <section aria-labelledby="sectors-heading">
            <h2 id="sectors-heading">Sectors</h2>
            <ScrollRegion class="table-scroll" label="Sector performance table">
              <table class="data-table">
                <caption>Sector performance: average % change of the sector's stocks, and value traded</caption>
                <thead>
                  <tr>
                    <th scope="col">Sector</th>
                    <th scope="col">Stocks</th>
                    <th scope="col">Avg % change</th>
                    <th scope="col">Up / down</th>
                    <th scope="col">{VALUE_TRADED_HEADING}</th>
                  </tr>
                </thead>
                <tbody>
                  {sectorPerformance(snapshot.quotes).map((sector) => (
                    <tr key={sector.sector}>
                      <th scope="row" class="text">
                        {sector.sector}
                      </th>
                      <td>{sector.stocks}</td>
                      <td class={figureClass(directionOf(sector.averageChangePercent))}>
                        {signedPercent(sector.averageChangePercent)}
                      </td>
                      <td>
                        {sector.breadth.advancers} / {sector.breadth.decliners}
                      </td>
                      <td>{turnoverTotalText(sector.turnover)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>

          <section aria-labelledby="stocks-heading">
            <h2 id="stocks-heading">All stocks</h2>
            <ScrollRegion class="table-scroll" label="Stock quotes table">
              <table class="data-table">
                <caption>Stocks (Rs)</caption>
                <thead>
                  <tr>
                    <th scope="col">Symbol</th>
                    <th scope="col" class="text">
                      Name
                    </th>
                    <th scope="col">LDCP</th>
                    <th scope="col">Open</th>
                    <th scope="col">High</th>
                    <th scope="col">Low</th>
                    <th scope="col">Last</th>
                    <th scope="col">Change</th>
                    <th scope="col">% Change</th>
                    <th scope="col">Volume</th>
                  </tr>
                </thead>
                <tbody>
                  {snapshot.quotes.map((quote) => {
                    const key = `s:${quote.symbol}`;
                    return (
                      <tr key={quote.symbol}>
                        <th scope="row">{quote.symbol}</th>
                        <td class="text">
                          <a href={stockUrl(quote.symbol)}>{quote.name}</a>
                        </td>
                        <td>{price(quote.ldcp)}</td>
                        <td>{price(quote.open)}</td>
                        <td {...liveAttributes(key, 'high')}>{price(quote.high)}</td>
                        <td {...liveAttributes(key, 'low')}>{price(quote.low)}</td>
                        <td {...liveAttributes(key, 'last')}>{price(quote.last)}</td>
                        <td class={figureClass(quote.direction)} {...liveAttributes(key, 'change')}>
                          {signedRupees(quote.change)}
                        </td>
                        <td class={figureClass(quote.direction)} {...liveAttributes(key, 'changePercent')}>
                          {signedPercent(quote.changePercent)}
                        </td>
                        <td {...liveAttributes(key, 'volume')}>{countText(quote.volume)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        </>
      )}
      {props.latest !== null && props.latest.stories.length > 0 ? (
        <section aria-labelledby="markets-latest">
          <h2 id="markets-latest">Latest from {props.latest.section.name}</h2>
          <StoryList stories={props.latest.stories} level={3} />
          <p>
            <a href={sectionUrl(props.latest.section.slug)}>All {props.latest.section.name} stories</a>
          </p>
        </section>
      ) : null}
      {drawsCharts ? <ChartCredit /> : null}
    </Layout>
  );
}
