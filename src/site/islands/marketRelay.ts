// Holds the one connection to the market: the event stream, or polling of the
// market API where the stream cannot work, and hands every message to whoever
// listens. It runs inside the shared worker (one per browser, for every tab),
// or inside a page where a shared worker cannot be had (then polling only, so
// that no tab holds a long-lived connection of its own).
import { type FeedMessage, type FxEntry, type IndexEntry, MarketState, type QuoteEntry } from './marketState.js';

const STREAM = '/api/v1/market/stream';
// A poll brings what the stream brings (quotes, indices and rates, whole), so every island stays live either way.
// /indices leads: its ETag moves with any market change and with an imported official close alike.
const POLL_LEAD = '/api/v1/market/indices';
const POLL_QUOTES = '/api/v1/market/quotes';
const POLL_RATES = '/api/v1/market/fx';
const POLL_MS = 2000;
// EventSource reconnects by itself, resuming with Last-Event-ID; this many failures in a row, with no event
// between them, means the stream is not reachable from here (a proxy that buffers, say), so poll instead.
const MAX_STREAM_FAILURES = 3;

/** The bodies of /indices, /quotes and /fx (docs/api.md), as far as the feed reads them. */
interface IndicesBody {
  readonly asOf: string;
  readonly indices: readonly IndexEntry[];
}
interface QuotesBody {
  readonly quotes: readonly QuoteEntry[];
}
interface RatesBody {
  readonly rates: readonly FxEntry[];
}

export interface RelayOptions {
  /** Use the stream when EventSource exists; false polls from the start. */
  readonly stream: boolean;
  /** Skip a poll while this says so (a hidden tab needs no prices; it catches up on the next visible poll). */
  readonly idle?: () => boolean;
}

export class MarketRelay {
  private readonly state = new MarketState();
  private readonly listeners = new Set<(message: FeedMessage) => void>();

  constructor(private readonly options: RelayOptions) {}

  start(): void {
    if (this.options.stream && typeof EventSource === 'function') this.follow();
    else this.poll();
  }

  /** A new listener hears the whole state at once when there is one, then every message. */
  add(listener: (message: FeedMessage) => void): void {
    this.listeners.add(listener);
    const whole = this.state.whole();
    if (whole !== null) listener({ kind: 'market', whole: true, payload: whole });
  }

  remove(listener: (message: FeedMessage) => void): void {
    this.listeners.delete(listener);
  }

  private send(message: FeedMessage): void {
    this.state.apply(message.payload, message.whole);
    for (const listener of this.listeners) listener(message);
  }

  private follow(): void {
    const source = new EventSource(STREAM);
    let failures = 0;
    const receive = (event: MessageEvent<string>, whole: boolean): void => {
      failures = 0;
      const payload = JSON.parse(event.data) as {
        asOf: string;
        quotes: QuoteEntry[];
        indices: IndexEntry[];
        fx?: FxEntry[];
      };
      this.send({
        kind: 'market',
        whole,
        // A server from before rates were streamed sends none: the list is then empty, never missing.
        payload: { asOf: payload.asOf, quotes: payload.quotes, indices: payload.indices, fx: payload.fx ?? [] },
      });
    };
    source.addEventListener('snapshot', (event) => receive(event, true));
    source.addEventListener('update', (event) => receive(event, false));
    source.onerror = () => {
      failures += 1;
      // CLOSED: the server refused the stream outright; EventSource will not try again by itself.
      if (source.readyState === EventSource.CLOSED || failures >= MAX_STREAM_FAILURES) {
        source.close();
        this.poll();
      }
    };
  }

  private poll(): void {
    let etag: string | null = null;
    const once = async (): Promise<void> => {
      if (!(this.options.idle?.() ?? false)) {
        try {
          const headers: Record<string, string> = { accept: 'application/json' };
          if (etag !== null) headers['if-none-match'] = etag;
          const lead = await fetch(POLL_LEAD, { headers });
          if (lead.status === 200) {
            const [indices, quotes, rates] = await Promise.all([
              lead.json() as Promise<IndicesBody>,
              fetchJson<QuotesBody>(POLL_QUOTES),
              fetchJson<RatesBody>(POLL_RATES),
            ]);
            // Only a complete poll counts: a part missing is asked for again on the next round.
            if (quotes !== null && rates !== null) {
              etag = lead.headers.get('etag');
              this.send({
                kind: 'market',
                whole: true,
                payload: { asOf: indices.asOf, quotes: quotes.quotes, indices: indices.indices, fx: rates.rates },
              });
            }
          }
        } catch {
          // Offline or server restarting: keep the last prices and try again.
        }
      }
      setTimeout(once, POLL_MS);
    };
    void once();
  }
}

async function fetchJson<T>(url: string): Promise<T | null> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  return response.status === 200 ? ((await response.json()) as T) : null;
}
