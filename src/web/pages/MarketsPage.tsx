import type { MarketSnapshot } from '../../market/marketSnapshot.js';
import { formatRupees, type Paisa } from '../../market/money.js';
import type { ArticleSummary, Section } from '../../news/article.js';
import { formatPublished } from '../../news/time.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { StoryList } from '../components/StoryList.js';
import { MARKETS_URL, sectionUrl } from '../components/urls.js';
import {
  figureClass,
  hundredthsText,
  signedHundredths,
  signedPercent,
  signedRupees,
} from '../markets/marketFigures.js';

const price = (value: Paisa | null) => (value === null ? '–' : formatRupees(value, { thousands: true }));

/** The Markets section's latest stories, shown under the figures when the paper has such a section. */
export interface MarketsSectionStories {
  readonly section: Section;
  readonly stories: readonly ArticleSummary[];
}

/** Every index and every quote of the current snapshot, then the latest markets stories. */
export function MarketsPage(props: {
  readonly chrome: PageChrome;
  readonly snapshot: MarketSnapshot;
  readonly latest: MarketsSectionStories | null;
}) {
  const { snapshot } = props;
  return (
    <Layout
      chrome={props.chrome}
      currentPath={MARKETS_URL}
      head={{
        title: 'Markets: PSX stocks and indices',
        description: 'Pakistan Stock Exchange prices, indices and volumes, updated through the trading day.',
        canonicalPath: MARKETS_URL,
      }}
    >
      <h1>Markets</h1>
      <p>
        Prices as of <time dateTime={snapshot.asOf.toISOString()}>{formatPublished(snapshot.asOf)}</time> (Pakistan
        time). Change is against the previous day's close (LDCP).
      </p>
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
            </tr>
          </thead>
          <tbody>
            {snapshot.indices.map((index) => (
              <tr key={index.code}>
                <th scope="row" class="text">
                  {index.code} <span class="story-meta">{index.name}</span>
                </th>
                <td>{hundredthsText(index.value)}</td>
                <td>{hundredthsText(index.previousClose)}</td>
                <td class={figureClass(index.direction)}>{signedHundredths(index.change)}</td>
                <td class={figureClass(index.direction)}>{signedPercent(index.changePercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
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
            {snapshot.quotes.map((quote) => (
              <tr key={quote.symbol}>
                <th scope="row">{quote.symbol}</th>
                <td class="text">{quote.name}</td>
                <td>{price(quote.ldcp)}</td>
                <td>{price(quote.open)}</td>
                <td>{price(quote.high)}</td>
                <td>{price(quote.low)}</td>
                <td>{price(quote.last)}</td>
                <td class={figureClass(quote.direction)}>{signedRupees(quote.change)}</td>
                <td class={figureClass(quote.direction)}>{signedPercent(quote.changePercent)}</td>
                <td>{quote.volume.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {props.latest !== null && props.latest.stories.length > 0 ? (
        <section aria-labelledby="markets-latest">
          <h2 id="markets-latest">Latest from {props.latest.section.name}</h2>
          <StoryList stories={props.latest.stories} level={3} />
          <p>
            <a href={sectionUrl(props.latest.section.slug)}>All {props.latest.section.name} stories</a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
}
