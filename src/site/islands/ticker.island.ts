// The live ticker: sets the server-rendered strip moving (tickerMotion.ts) and
// rewrites its rows in place from the page's market feed (marketFeed.ts), the
// copy in the loop as well as the row itself; the markets box follows the same
// feed (marketsBoxLive.ts). Plain DOM, no framework; without
// it the strip stays as rendered and scrolls by hand.
import type { Direction } from '../../market/book/marketSnapshot.js';
import { tickerItemClass } from '../components/tickerItems.js';
import { tickerPieces } from '../components/tickerPieces.js';
import { formatTickerTime } from '../components/tickerTime.js';
import { applyEntry, isStreamEntry, liveElements } from './liveFigures.js';
import { followMarket } from './marketFeed.js';
import { marketsBoxListener } from './marketsBoxLive.js';
import { setUpMotion } from './tickerMotion.js';

// Each piece's element, found by the class the server renders it with (components/Ticker.tsx).
const PIECE_CLASSES = {
  symbol: 'tick__symbol',
  price: 'tick__price',
  move: 'tick__move',
  change: 'tick__change',
  percent: 'tick__pct',
} as const;
const PIECES = Object.keys(PIECE_CLASSES) as (keyof typeof PIECE_CLASSES)[];

function startTicker(root: HTMLElement): void {
  const strip = root.querySelector<HTMLElement>('.ticker__strip');
  const list = root.querySelector<HTMLElement>('.ticker__list');
  const rows =
    strip !== null && list !== null
      ? setUpMotion(root, strip, list).rows()
      : new Map([...root.querySelectorAll<HTMLElement>('[data-key]')].map((row) => [row.dataset.key ?? '', [row]]));
  // What each key shows now, so only what moved is rewritten.
  const shownTickers = new Map<string, string>();
  const time = root.querySelector('time');
  let shown = '';
  // The page's markets box moves with the strip, so a page never shows two values of one index.
  const figures = new Map<string, HTMLElement[]>();
  for (const box of document.querySelectorAll('[data-live-figures]')) {
    for (const [key, elements] of liveElements(box)) figures.set(key, [...(figures.get(key) ?? []), ...elements]);
  }

  const show = (
    key: string,
    kind: 'stock' | 'index',
    item: { readonly direction: Direction; readonly ticker: string },
  ): void => {
    const elements = rows.get(key);
    if (elements === undefined || shownTickers.get(key) === item.ticker) return;
    const pieces = tickerPieces(item.ticker);
    if (pieces === null) return;
    for (const element of elements) {
      for (const name of PIECES) {
        const span = element.querySelector(`.${PIECE_CLASSES[name]}`);
        if (span !== null) span.textContent = pieces[name];
      }
      element.className = tickerItemClass(kind, item.direction);
    }
    shownTickers.set(key, item.ticker);
  };

  followMarket((payload) => {
    for (const quote of payload.quotes) show(`s:${quote.symbol}`, 'stock', quote);
    for (const index of payload.indices) {
      show(`i:${index.code}`, 'index', index);
      // An entry without figures (from a server older than this script) leaves the box as it is.
      if (isStreamEntry(index)) applyEntry(figures.get(`i:${index.code}`) ?? [], index);
    }
    if (time !== null && payload.asOf !== shown) {
      shown = payload.asOf;
      time.dateTime = payload.asOf;
      time.textContent = formatTickerTime(new Date(payload.asOf));
    }
  });
}

const root = document.querySelector<HTMLElement>('[data-ticker]');
if (root !== null) startTicker(root);
// The markets box's movers and dollar ride the same feed (its indices move with the strip above).
const boxes = marketsBoxListener(document);
if (boxes !== null) followMarket(boxes);
