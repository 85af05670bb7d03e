// The live ticker: follows the market event stream and rewrites the
// server-rendered strip in place. Plain DOM, no framework; without it the strip
// simply stays as rendered. Polls the JSON API only where the stream cannot work.
import type { Direction } from '../../market/book/marketSnapshot.js';
import { tickerItemClass } from '../components/tickerItems.js';
import { tickerPieces } from '../components/tickerPieces.js';
import { formatTickerTime } from '../components/tickerTime.js';

interface TickerItem {
  readonly key: string;
  readonly direction: Direction;
  readonly ticker: string;
}

interface TickerPayload {
  readonly asOf: string;
  readonly items: readonly TickerItem[];
}

/** The stream's `snapshot` and `update` events (docs/api.md): quotes and indices, only what changed in an update. */
interface StreamPayload {
  readonly asOf: string;
  readonly quotes: readonly { readonly symbol: string; readonly direction: Direction; readonly ticker: string }[];
  readonly indices: readonly { readonly code: string; readonly direction: Direction; readonly ticker: string }[];
}

const STREAM = '/api/v1/market/stream';
const POLL_ENDPOINT = '/api/v1/market/ticker';
const POLL_MS = 2000;
// EventSource reconnects by itself, resuming with Last-Event-ID; this many failures in a row, with no event
// between them, means the stream is not reachable from here (a proxy that buffers, say), so poll instead.
const MAX_STREAM_FAILURES = 3;
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
  // What each entry shows now, so only what moved is rewritten.
  const shownTickers = new Map<string, string>();
  const time = root.querySelector('time');
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

  const poll = (): void => {
    let etag: string | null = null;
    const once = async (): Promise<void> => {
      // A background tab needs no prices; it catches up on the next visible poll.
      if (!document.hidden) {
        try {
          const headers: Record<string, string> = { accept: 'application/json' };
          if (etag !== null) headers['if-none-match'] = etag;
          const response = await fetch(POLL_ENDPOINT, { headers });
          if (response.status === 200) {
            etag = response.headers.get('etag');
            apply((await response.json()) as TickerPayload);
          }
        } catch {
          // Offline or server restarting: keep the last prices and try again.
        }
      }
      setTimeout(once, POLL_MS);
    };
    setTimeout(once, POLL_MS);
  };

  const follow = (): void => {
    const source = new EventSource(STREAM);
    let failures = 0;
    const receive = (event: MessageEvent<string>): void => {
      failures = 0;
      const payload = JSON.parse(event.data) as StreamPayload;
      apply({
        asOf: payload.asOf,
        items: [
          ...payload.quotes.map((quote) => ({ ...quote, key: `s:${quote.symbol}` })),
          ...payload.indices.map((index) => ({ ...index, key: `i:${index.code}` })),
        ],
      });
    };
    source.addEventListener('snapshot', receive);
    source.addEventListener('update', receive);
    source.onerror = () => {
      failures += 1;
      // CLOSED: the server refused the stream outright; EventSource will not try again by itself.
      if (source.readyState === EventSource.CLOSED || failures >= MAX_STREAM_FAILURES) {
        source.close();
        poll();
      }
    };
  };

  if (typeof EventSource === 'function') follow();
  else poll();
}

const root = document.querySelector<HTMLElement>('[data-ticker]');
if (root !== null) startTicker(root);
