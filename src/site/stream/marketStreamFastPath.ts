import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StreamConnections } from '../../http/streamConnections.js';
import type { MarketReader } from '../../market/book/marketSnapshot.js';
import type { MarketStreamHub } from './marketStreamHub.js';
import { parseLastEventId } from './sseFrames.js';
import { NAME_LIST_RULE, parseStreamFilter, type StreamFilterQuery } from './streamFilter.js';
import { streamFixedHead, streamResponseHead } from './streamHead.js';
import type { StreamWorkerPool } from './streamWorkerPool.js';

export const MARKET_STREAM_PATH = '/api/v1/market/stream';

export interface MarketStreamFastPathOptions {
  readonly hub: MarketStreamHub;
  readonly market: MarketReader;
  /** Where a taken-over connection is recorded, so requests pipelined after the stream are refused. */
  readonly connections: StreamConnections;
  /** Headers every response carries (security policy). */
  readonly extraHeaders: Readonly<Record<string, string>>;
  /** When set, each stream's socket is handed to a stream worker process instead of this process's hub. */
  readonly workers?: StreamWorkerPool;
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
 * the Fastify route, which answers it exactly as before. So does a stream
 * request pipelined behind a response still being written on the same
 * connection: its response has no socket of its own yet, and the route's
 * response object queues behind the earlier one as HTTP/1.1 requires.
 */
export class MarketStreamFastPath {
  private readonly fixedHead: string;
  private readonly clock: () => number;

  constructor(private readonly options: MarketStreamFastPathOptions) {
    this.clock = options.clock ?? Date.now;
    this.fixedHead = streamFixedHead(options.extraHeaders);
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
    // Until the earlier responses on this connection are written, this one is queued without the socket.
    if (response.socket !== socket) return false;
    this.options.connections.claim(socket);
    // The response object is never used: let it go, so only the socket stays referenced.
    response.detachSocket(socket);
    const lastEventId = parseLastEventId(request.headers['last-event-id']);
    if (this.options.workers?.handOff(socket, query, lastEventId)) return true;
    socket.write(streamResponseHead(this.fixedHead, this.clock()));
    this.options.hub.connect(socket, parsed.filter, lastEventId);
    return true;
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
