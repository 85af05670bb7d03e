// One market feed per page for all its islands (the ticker on every page, the
// charts and figures on market pages), and one connection per browser behind
// them all: a shared worker holds it for every tab. Where a shared worker
// cannot be had the page polls, so that no tab holds a stream of its own.
import { MarketRelay } from './marketRelay.js';
import { type FeedMessage, type FeedRequest, type MarketPayload, MarketState } from './marketState.js';

/** Hears the whole state first (when there is one), then each message: `whole` says which. */
export type MarketListener = (payload: MarketPayload, whole: boolean) => void;

interface PageFeed {
  add(listener: MarketListener): void;
}

// Islands are bundled apart, so the page's one feed is found through a global both bundles know.
const FEED_KEY = Symbol.for('broadsheet.marketFeed');
/** The ticker's root names the shared worker's script (components/Ticker.tsx). */
const WORKER_ATTRIBUTE = 'data-feed-worker';

export function followMarket(listener: MarketListener): void {
  const holder = globalThis as { [FEED_KEY]?: PageFeed };
  holder[FEED_KEY] ??= openPageFeed();
  holder[FEED_KEY].add(listener);
}

function openPageFeed(): PageFeed {
  const state = new MarketState();
  const listeners = new Set<MarketListener>();
  const receive = (message: FeedMessage): void => {
    state.apply(message.payload, message.whole);
    for (const listener of listeners) listener(message.payload, message.whole);
  };
  const feed: PageFeed = {
    add(listener) {
      listeners.add(listener);
      const whole = state.whole();
      if (whole !== null) listener(whole, true);
    },
  };
  const polling = (): void => {
    const relay = new MarketRelay({ stream: false, idle: () => document.hidden });
    relay.add(receive);
    relay.start();
  };
  const url = document.querySelector(`[${WORKER_ATTRIBUTE}]`)?.getAttribute(WORKER_ATTRIBUTE);
  if (typeof SharedWorker !== 'function' || !url) {
    polling();
    return feed;
  }
  let worker: SharedWorker;
  try {
    worker = new SharedWorker(url, { name: 'broadsheet-market' });
  } catch {
    polling();
    return feed;
  }
  const port = worker.port;
  const tell = (request: FeedRequest): void => port.postMessage(request);
  port.onmessage = (event: MessageEvent<FeedMessage>) => receive(event.data);
  // The script could not be loaded or run (a deploy replaced it, a policy forbids workers): poll instead.
  worker.onerror = () => {
    port.close();
    polling();
  };
  tell({ kind: 'hello' });
  window.addEventListener('pagehide', () => tell({ kind: 'bye' }));
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) tell({ kind: 'hello' });
  });
  return feed;
}
