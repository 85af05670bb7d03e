import { CURRENCY_URL, indexUrl, MARKETS_URL } from '../../http/siteUrls.js';
import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { liveAttributes } from '../markets/liveFields.js';
import { figureClass, hundredthsText, signedHundredths, signedPercent } from '../markets/marketFigures.js';
import { shortDate } from '../markets/stockFigures.js';
import type { PublishedOfficial } from '../routes/publishedIndexFigures.js';
import {
  type DollarPart,
  type MarketsBoxParts,
  type MoversPart,
  marketsBoxParts,
  QUIET_MOVERS_TEXT,
} from './marketsBoxParts.js';
import { snapshotFragment } from './snapshotFragment.js';
import { OFFICIAL_CLOSE_WORDS, publishedKey } from './tickerItems.js';

/**
 * The markets at a glance for the front page and the article's rail: the
 * indices, the day's biggest movers and the dollar. All three follow the
 * page's one market feed (the indices with the ticker above, ticker.island.ts;
 * movers and dollar through islands/marketsBoxLive.ts), so the box and the
 * strip never disagree on one page. The movers and dollar parts are always
 * present, hidden while they have nothing to say, so the live page can fill them.
 */
export function MarketsBox(props: BoxProps) {
  return (
    // Named apart from a Markets section block on the same page: landmarks need names of their own.
    // What is inside depends on the snapshot and the heading's id alone: drawn once per snapshot (snapshotFragment).
    <section
      class="rail-box markets-box"
      aria-label="Markets at a glance"
      data-live-figures=""
      data-markets-box=""
      dangerouslySetInnerHTML={{
        __html: snapshotFragment(
          props.snapshot,
          `markets-box:${props.headingId}:${publishedKey(props.published ?? [])}`,
          () => <MarketsBoxFigures {...props} />,
        ),
      }}
    />
  );
}

interface BoxProps {
  readonly snapshot: MarketSnapshot;
  readonly headingId: string;
  /** Published-only indices at their official close, after the live ones, labelled and dated (never live). */
  readonly published?: readonly PublishedOfficial[];
}

function MarketsBoxFigures(props: BoxProps) {
  const { snapshot } = props;
  const live = new Set(snapshot.indices.map((index) => index.code));
  const official = (props.published ?? []).filter(({ view }) => !live.has(view.code));
  const parts: MarketsBoxParts = marketsBoxParts(snapshot.quotes, snapshot.fx);
  const empty =
    snapshot.indices.length === 0 && official.length === 0 && parts.movers.kind === 'none' && parts.dollar === null;
  return (
    <>
      <h2 id={props.headingId}>
        <a href={MARKETS_URL}>Markets</a>
      </h2>
      {snapshot.indices.length > 0 || official.length > 0 ? (
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
            {official.map(({ view, date }) => (
              <tr key={view.code}>
                <th scope="row">
                  <a href={indexUrl(view.code)}>{view.code}</a>{' '}
                  <span class="markets-box__official">
                    ({OFFICIAL_CLOSE_WORDS} <time dateTime={date}>{shortDate(date)}</time>)
                  </span>
                </th>
                <td>{hundredthsText(view.value)}</td>
                <td>
                  <span class={figureClass(view.direction)}>{signedHundredths(view.change)}</span> (
                  <span class={figureClass(view.direction)}>{signedPercent(view.changePercent)}</span>)
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div data-box-movers="" {...(parts.movers.kind === 'none' ? { hidden: true } : {})}>
        <MoversView movers={parts.movers} />
      </div>
      <p class="markets-box__fx" data-box-dollar="" {...(parts.dollar === null ? { hidden: true } : {})}>
        {parts.dollar !== null ? <DollarView dollar={parts.dollar} /> : null}
      </p>
      <p data-box-empty="" {...(empty ? {} : { hidden: true })}>
        No market figures yet.
      </p>
    </>
  );
}

/** Markup the live island writes the same way (islands/marketsBoxLive.ts); change both together. */
function MoversView({ movers }: { readonly movers: MoversPart }) {
  if (movers.kind === 'none') return null;
  if (movers.kind === 'quiet') return <p class="markets-box__quiet">{QUIET_MOVERS_TEXT}</p>;
  return (
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
        {movers.rows.map((row) => (
          <tr key={row.symbol}>
            <th scope="row">
              <a href={row.href}>{row.symbol}</a>
            </th>
            <td>{row.last}</td>
            <td class={row.figureClass}>{row.percent}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DollarView({ dollar }: { readonly dollar: DollarPart }) {
  return (
    <>
      <a href={CURRENCY_URL}>USD/PKR</a>
      {dollar.interbank !== null ? (
        <>
          {' interbank '}
          <span class={dollar.interbank.figureClass}>{dollar.interbank.text}</span>
        </>
      ) : null}
      {dollar.open !== null ? ` · open market ${dollar.open}` : null}
    </>
  );
}
