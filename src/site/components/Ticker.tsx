import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { shortDate } from '../markets/stockFigures.js';
import type { PublishedOfficial } from '../routes/publishedIndexFigures.js';
import { ScrollRegion } from './ScrollRegion.js';
import { snapshotFragment } from './snapshotFragment.js';
import {
  OFFICIAL_CLOSE_WORDS,
  publishedKey,
  publishedTickerItems,
  stripOrder,
  type TickerItem,
  tickerItemClass,
  tickerItems,
} from './tickerItems.js';
import { tickerPieces } from './tickerPieces.js';
import { formatTickerTime } from './tickerTime.js';

/**
 * The strip of prices across the top of every page. The words (Increased By ▲)
 * carry the direction, so colour is never the only cue. KSE-100 and the other
 * indices lead (stripOrder), so the benchmark is in view at once on any screen. As rendered the
 * strip scrolls sideways and takes keyboard focus, so it reads without
 * JavaScript; the ticker island sets it moving (islands/tickerMotion.ts) and
 * follows the market through the shared worker named here.
 */
export function Ticker({
  snapshot,
  published = [],
  feedWorkerUrl,
}: {
  readonly snapshot: MarketSnapshot;
  /** Published-only indices at their official close (a KSE-100 the site does not compute leads all the same). */
  readonly published?: readonly PublishedOfficial[];
  readonly feedWorkerUrl: string | null;
}) {
  const key = publishedKey(published);
  const items = itemsOf(snapshot, key, published);
  return (
    // A site with no instruments yet (a fresh `--no-demo` site) has nothing to show: the bar stays out of sight
    // rather than an empty band with buttons, and still names the feed's worker for the page's other islands.
    // What is inside depends on the snapshot alone: drawn once per snapshot for every page (snapshotFragment).
    <div
      class="ticker"
      data-ticker=""
      {...(feedWorkerUrl !== null ? { 'data-feed-worker': feedWorkerUrl } : {})}
      {...(items.length === 0 ? { hidden: true } : {})}
      dangerouslySetInnerHTML={{
        __html: snapshotFragment(snapshot, `ticker:${key}`, () => <TickerStrip items={items} snapshot={snapshot} />),
      }}
    />
  );
}

const itemsBySnapshot = new WeakMap<MarketSnapshot, Map<string, readonly TickerItem[]>>();

/** The strip's items in order, worked out once per snapshot and published closes, like the strip's HTML. */
function itemsOf(
  snapshot: MarketSnapshot,
  key: string,
  published: readonly PublishedOfficial[],
): readonly TickerItem[] {
  let byPublished = itemsBySnapshot.get(snapshot);
  if (byPublished === undefined) {
    byPublished = new Map();
    itemsBySnapshot.set(snapshot, byPublished);
  }
  let items = byPublished.get(key);
  if (items === undefined) {
    items = stripOrder([...tickerItems(snapshot), ...publishedTickerItems(snapshot, published)]);
    byPublished.set(key, items);
  }
  return items;
}

function TickerStrip({
  items,
  snapshot,
}: {
  readonly items: readonly TickerItem[];
  readonly snapshot: MarketSnapshot;
}) {
  return (
    <>
      <ScrollRegion class="ticker__strip" label="Market ticker">
        <ul class="ticker__list">
          {items.map((item) => (
            <TickerEntry key={item.key} item={item} />
          ))}
        </ul>
      </ScrollRegion>
      <p class="ticker__updated">
        Updated <time dateTime={snapshot.asOf.toISOString()}>{formatTickerTime(snapshot.asOf)}</time> PKT
      </p>
    </>
  );
}

function TickerEntry({ item }: { readonly item: TickerItem }) {
  const pieces = tickerPieces(item.ticker);
  const className = tickerItemClass(item.kind, item.direction);
  if (pieces === null) {
    return (
      <li class={className} data-key={item.key}>
        {item.ticker}
      </li>
    );
  }
  return (
    <li class={className} data-key={item.key}>
      <span class="tick__symbol">{pieces.symbol}</span> <span class="tick__price">{pieces.price}</span>{' '}
      <span class="tick__move">{pieces.move}</span> <span class="tick__change">{pieces.change}</span>{' '}
      <span class="tick__pct">{pieces.percent}</span>
      {item.official === undefined ? null : (
        <>
          {' '}
          <OfficialNote official={item.official} />
        </>
      )}
    </li>
  );
}

/** The exchange's official close, dated: a published index is never presented as live. */
function OfficialNote({ official }: { readonly official: NonNullable<TickerItem['official']> }) {
  return (
    <span class="tick__official">
      ({OFFICIAL_CLOSE_WORDS} <time dateTime={official.date}>{shortDate(official.date)}</time>)
    </span>
  );
}
