// The live ticker: polls the market API and rewrites the server-rendered strip in
// place. Plain DOM, no framework; without it the strip simply stays as rendered.
import type { Direction } from '../../market/marketSnapshot.js';
import { tickerItemClass } from '../components/tickerItems.js';
import { tickerPieces } from '../components/tickerPieces.js';
import { formatTickerTime } from '../components/tickerTime.js';

interface TickerPayload {
  readonly asOf: string;
  readonly version: number;
  readonly items: readonly { readonly key: string; readonly direction: Direction; readonly ticker: string }[];
}

const ENDPOINT = '/api/v1/market/ticker';
const POLL_MS = 2000;
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
  const entries = new Map<string, HTMLElement>();
  for (const element of root.querySelectorAll<HTMLElement>('[data-key]')) {
    entries.set(element.dataset.key ?? '', element);
  }
  // What each entry shows now; the first poll rewrites everything once, later ones only what moved.
  const shownTickers = new Map<string, string>();
  const time = root.querySelector('time');
  let etag: string | null = null;
  let shown = '';

  const apply = (payload: TickerPayload): void => {
    for (const item of payload.items) {
      const element = entries.get(item.key);
      if (element === undefined || shownTickers.get(item.key) === item.ticker) continue;
      const pieces = tickerPieces(item.ticker);
      if (pieces === null) continue;
      for (const name of PIECES) {
        const span = element.querySelector(`.${PIECE_CLASSES[name]}`);
        if (span !== null) span.textContent = pieces[name];
      }
      shownTickers.set(item.key, item.ticker);
      element.className = tickerItemClass(item.key.startsWith('i:') ? 'index' : 'stock', item.direction);
    }
    if (time !== null && payload.asOf !== shown) {
      shown = payload.asOf;
      time.dateTime = payload.asOf;
      time.textContent = formatTickerTime(new Date(payload.asOf));
    }
  };

  const poll = async (): Promise<void> => {
    // A background tab needs no prices; it catches up on the next visible poll.
    if (!document.hidden) {
      try {
        const headers: Record<string, string> = { accept: 'application/json' };
        if (etag !== null) headers['if-none-match'] = etag;
        const response = await fetch(ENDPOINT, { headers });
        if (response.status === 200) {
          etag = response.headers.get('etag');
          apply((await response.json()) as TickerPayload);
        }
      } catch {
        // Offline or server restarting: keep the last prices and try again.
      }
    }
    setTimeout(poll, POLL_MS);
  };
  setTimeout(poll, POLL_MS);
}

const root = document.querySelector<HTMLElement>('[data-ticker]');
if (root !== null) startTicker(root);
