import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MarketReader } from '../../market/marketSnapshot.js';
import type { MarketStreamHub } from './marketStreamHub.js';
import { parseLastEventId, STREAM_HEADERS } from './sseFrames.js';
import { NAME_LIST_RULE, parseStreamFilter, type StreamFilterQuery } from './streamFilter.js';

export const MARKET_STREAM_PATH = '/api/v1/market/stream';

export interface MarketStreamFastPathOptions {
  readonly hub: MarketStreamHub;
  readonly market: MarketReader;
  /** Headers every response carries (security policy). */
  readonly extraHeaders: Readonly<Record<string, string>>;
  readonly clock?: () => number;
}

const NAME_LIST = new RegExp(NAME_LIST_RULE.pattern);

/**
 * Takes a well-formed market-stream request straight from Node's HTTP server,
 * before Fastify builds its request, reply and logger for it: a stream lives
 * for hours and there may be tens of thousands, so every object one keeps
 * alive counts. The response head is written once to the socket, the body is
 * delimited by the connection's end (no chunk framing), and from then on the
 * hub writes the same frame Buffers straight to every socket.
 *
 * Only requests the route would answer with 200 are taken; anything else (an
 * unknown name, a malformed or unexpected query, another method) goes on to
 * the Fastify route, which answers it exactly as before.
 */
export class MarketStreamFastPath {
  private readonly fixedHead: string;
  private readonly clock: () => number;
  private headSecond = -1;
  private head = Buffer.alloc(0);

  constructor(private readonly options: MarketStreamFastPathOptions) {
    this.clock = options.clock ?? Date.now;
    const headers = { ...options.extraHeaders, ...STREAM_HEADERS };
    this.fixedHead = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
  }

  handle(request: IncomingMessage, response: ServerResponse): boolean {
    const url = request.url;
    if (request.method !== 'GET' || url === undefined || !url.startsWith(MARKET_STREAM_PATH)) return false;
    const rest = url.slice(MARKET_STREAM_PATH.length);
    if (rest !== '' && !rest.startsWith('?')) return false;
    const query = streamQuery(rest.slice(1));
    if (query === null) return false;
    const parsed = parseStreamFilter(query, this.options.market.snapshot());
    if (!parsed.ok) return false;
    const socket = request.socket;
    // The response object is never used: let it go, so only the socket stays referenced.
    response.detachSocket(socket);
    socket.write(this.responseHead());
    this.options.hub.connect(socket, parsed.filter, parseLastEventId(request.headers['last-event-id']));
    return true;
  }

  /** The status line and headers, rebuilt once a second for the Date header. */
  private responseHead(): Buffer {
    const second = Math.floor(this.clock() / 1000);
    if (second !== this.headSecond) {
      this.headSecond = second;
      const date = new Date(second * 1000).toUTCString();
      this.head = Buffer.from(`HTTP/1.1 200 OK\r\n${this.fixedHead}date: ${date}\r\nconnection: close\r\n\r\n`);
    }
    return this.head;
  }
}

/** `symbols` and `indices`, each at most once and within NAME_LIST_RULE; null for anything else. */
function streamQuery(search: string): StreamFilterQuery | null {
  if (search === '') return {};
  const params = new URLSearchParams(search);
  let symbols: string | undefined;
  let indices: string | undefined;
  for (const [name, value] of params) {
    if (value.length > NAME_LIST_RULE.maxLength || !NAME_LIST.test(value)) return null;
    if (name === 'symbols' && symbols === undefined) symbols = value;
    else if (name === 'indices' && indices === undefined) indices = value;
    else return null;
  }
  return { symbols, indices };
}
