import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { ScrollRegion } from './ScrollRegion.js';
import { snapshotFragment } from './snapshotFragment.js';
import { stripOrder, type TickerItem, tickerItemClass, tickerItems } from './tickerItems.js';
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
  feedWorkerUrl,
}: {
  readonly snapshot: MarketSnapshot;
  readonly feedWorkerUrl: string | null;
}) {
  const items = itemsOf(snapshot);
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
        __html: snapshotFragment(snapshot, 'ticker', () => <TickerStrip items={items} snapshot={snapshot} />),
      }}
    />
  );
}

const itemsBySnapshot = new WeakMap<MarketSnapshot, readonly TickerItem[]>();

/** The strip's items in order, worked out once per snapshot like the strip's HTML. */
function itemsOf(snapshot: MarketSnapshot): readonly TickerItem[] {
  let items = itemsBySnapshot.get(snapshot);
  if (items === undefined) {
    items = stripOrder(tickerItems(snapshot));
    itemsBySnapshot.set(snapshot, items);
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
    </li>
  );
}
