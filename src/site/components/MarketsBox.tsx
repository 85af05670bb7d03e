import { CURRENCY_URL, indexUrl, MARKETS_URL, stockUrl } from '../../http/siteUrls.js';
import type { MarketSnapshot, QuoteView } from '../../market/book/marketSnapshot.js';
import { formatRupees } from '../../market/money/money.js';
import { topGainers, topLosers } from '../../market/quotes/marketMovers.js';
import { liveAttributes } from '../markets/liveFields.js';
import { directionOf, figureClass, hundredthsText, signedHundredths, signedPercent } from '../markets/marketFigures.js';
import { snapshotFragment } from './snapshotFragment.js';

const MOVERS = 3;

/** `+2.17%`, `-0.50%`, `0.00%`: two decimals always, so a column of them lines up. */
function percentText(percent: number): string {
  return `${percent > 0 ? '+' : ''}${percent.toFixed(2)}%`;
}

/**
 * The markets at a glance for the front page and the article's rail: the
 * indices, the day's biggest movers and the dollar. The indices follow the
 * stream with the ticker above (ticker.island.ts), so the two never disagree
 * on one page; movers and the dollar are as of the page's render.
 */
export function MarketsBox(props: { readonly snapshot: MarketSnapshot; readonly headingId: string }) {
  return (
    // Named apart from a Markets section block on the same page: landmarks need names of their own.
    // What is inside depends on the snapshot and the heading's id alone: drawn once per snapshot (snapshotFragment).
    <section
      class="rail-box markets-box"
      aria-label="Markets at a glance"
      data-live-figures=""
      dangerouslySetInnerHTML={{
        __html: snapshotFragment(props.snapshot, `markets-box:${props.headingId}`, () => (
          <MarketsBoxFigures {...props} />
        )),
      }}
    />
  );
}

function MarketsBoxFigures(props: { readonly snapshot: MarketSnapshot; readonly headingId: string }) {
  const { snapshot } = props;
  const usd = snapshot.fx.filter((rate) => rate.pair === 'USD/PKR');
  const interbank = usd.find((rate) => rate.market === 'interbank');
  const open = usd.find((rate) => rate.market === 'open');
  const movers = [...topGainers(snapshot.quotes, MOVERS), ...topLosers(snapshot.quotes, MOVERS)];
  return (
    <>
      <h2 id={props.headingId}>
        <a href={MARKETS_URL}>Markets</a>
      </h2>
      {snapshot.indices.length > 0 ? (
        <table class="markets-box__table">
          <caption class="visually-hidden">Indices</caption>
          <thead>
            <tr>
              <th scope="col">Index</th>
              <th scope="col">Value</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.indices.map((index) => (
              <tr key={index.code}>
                <th scope="row">
                  <a href={indexUrl(index.code)}>{index.code}</a>
                </th>
                <td {...liveAttributes(`i:${index.code}`, 'value')}>{hundredthsText(index.value)}</td>
                <td>
                  <span class={figureClass(index.direction)} {...liveAttributes(`i:${index.code}`, 'change')}>
                    {signedHundredths(index.change)}
                  </span>{' '}
                  (
                  <span class={figureClass(index.direction)} {...liveAttributes(`i:${index.code}`, 'changePercent')}>
                    {signedPercent(index.changePercent)}
                  </span>
                  )
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {movers.length > 0 ? (
        <table class="markets-box__table">
          <caption>Top movers</caption>
          <thead>
            <tr>
              <th scope="col">Stock</th>
              <th scope="col">Last (Rs)</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {movers.map((quote: QuoteView) => (
              <tr key={quote.symbol}>
                <th scope="row">
                  <a href={stockUrl(quote.symbol)}>{quote.symbol}</a>
                </th>
                <td>{formatRupees(quote.last, { thousands: true })}</td>
                <td class={figureClass(quote.direction)}>{percentText(quote.changePercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {interbank !== undefined || open !== undefined ? (
        <p class="markets-box__fx">
          <a href={CURRENCY_URL}>USD/PKR</a>
          {interbank !== undefined ? (
            <>
              {' interbank '}
              <span class={figureClass(directionOf(interbank.selling - interbank.previousSelling))}>
                {formatRupees(interbank.selling, { thousands: true })}
              </span>
            </>
          ) : null}
          {open !== undefined ? (
            <>
              {' · open market '}
              {formatRupees(open.buying, { thousands: true })}/{formatRupees(open.selling, { thousands: true })}
            </>
          ) : null}
        </p>
      ) : null}
      {snapshot.indices.length === 0 && movers.length === 0 && usd.length === 0 ? <p>No market figures yet.</p> : null}
    </>
  );
}
