import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { ScrollRegion } from './ScrollRegion.js';
import { type TickerItem, tickerItemClass, tickerItems } from './tickerItems.js';
import { tickerPieces } from './tickerPieces.js';
import { formatTickerTime } from './tickerTime.js';

/**
 * The strip of prices across the top of every page. The words (Increased By ▲)
 * carry the direction, so colour is never the only cue; the strip scrolls
 * sideways and takes keyboard focus so it can be read without a pointer.
 */
export function Ticker({ snapshot }: { readonly snapshot: MarketSnapshot }) {
  return (
    <div class="ticker" data-ticker="">
      <ScrollRegion class="ticker__strip" label="Market ticker">
        <ul class="ticker__list">
          {tickerItems(snapshot).map((item) => (
            <TickerEntry key={item.key} item={item} />
          ))}
        </ul>
      </ScrollRegion>
      <p class="ticker__updated">
        Updated <time dateTime={snapshot.asOf.toISOString()}>{formatTickerTime(snapshot.asOf)}</time> PKT
      </p>
    </div>
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
