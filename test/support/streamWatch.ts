import type { IncomingMessage, Server, ServerResponse } from 'node:http';

const STREAM_PATH = '/api/v1/market/stream';

/** What the server saw of the market stream since the watch began. */
export interface StreamWatch {
  /** Streams open now. */
  open(): number;
  /** The most held open at once. */
  most(): number;
  /** Streams asked for in all. */
  opened(): number;
}

/**
 * Watches a site's HTTP server for market-stream requests, as the server sees
 * them: a browser's shared worker opens them where no page can be watched.
 */
export function watchStreams(server: Pick<Server, 'on'>): StreamWatch {
  let open = 0;
  let most = 0;
  let opened = 0;
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!request.url?.startsWith(STREAM_PATH)) return;
    opened += 1;
    open += 1;
    most = Math.max(most, open);
    response.on('close', () => {
      open -= 1;
    });
  });
  return { open: () => open, most: () => most, opened: () => opened };
}
