// The shared worker behind every tab of the site: one market connection per
// browser, however many tabs are open (over HTTP/1.1 a browser allows six
// connections to a host, so a stream per tab would starve the seventh).
// Each tab's port hears the whole state on arrival, then every change.
import { MarketRelay } from './marketRelay.js';
import type { FeedMessage, FeedRequest } from './marketState.js';

interface SharedWorkerScope {
  onconnect: ((event: MessageEvent) => void) | null;
}

const relay = new MarketRelay({ stream: true });
relay.start();

(self as unknown as SharedWorkerScope).onconnect = (event) => {
  const port = event.ports[0];
  if (port === undefined) return;
  const listener = (message: FeedMessage): void => port.postMessage(message);
  port.onmessage = (message: MessageEvent<FeedRequest>) => {
    // A page says bye when it is hidden away or closed, and hello again if it comes back from the back/forward cache.
    if (message.data.kind === 'hello') relay.add(listener);
    else relay.remove(listener);
  };
  // Browsers that tell when a port's page is gone (no bye was possible: a crash, a killed tab).
  port.addEventListener('close', () => relay.remove(listener));
};
