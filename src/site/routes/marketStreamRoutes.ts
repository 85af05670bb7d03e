import type { OutgoingHttpHeaders } from 'node:http';
import { Type } from '@sinclair/typebox';
import { sendApiError } from '../../http/apiError.js';
import type { StreamConnections } from '../../http/streamConnections.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { SiteContext } from '../siteContext.js';
import type { MarketStreamHub, MarketStreamStats } from '../stream/marketStreamHub.js';
import { parseLastEventId, STREAM_HEADERS } from '../stream/sseFrames.js';
import { NAME_LIST_RULE, parseStreamFilter } from '../stream/streamFilter.js';
import type { StreamWorkerPool } from '../stream/streamWorkerPool.js';

const NameList = Type.String(NAME_LIST_RULE);
const StreamQuery = Type.Object({ symbols: Type.Optional(NameList), indices: Type.Optional(NameList) });

const Count = Type.Integer({ minimum: 0 });
const StreamStats = Type.Object({
  version: Type.Integer(),
  clients: Count,
  lagging: Count,
  blocked: Count,
  connectionsTotal: Count,
  sends: Type.Object({ announced: Count, fallback: Count }),
  dropped: Type.Object({ overflow: Count, blocked: Count }),
  maxPendingBytes: Count,
  peakPendingBytes: Count,
  lastSendPassMs: Type.Number({ minimum: 0 }),
  limits: Type.Object({
    tickMs: Count,
    minIntervalMs: Count,
    heartbeatMs: Count,
    retryMs: Count,
    softPendingBytes: Count,
    hardPendingBytes: Count,
    maxBlockedMs: Count,
    historyMs: Count,
  }),
});

/**
 * `GET /api/v1/market/stream` (Server-Sent Events of conflated quote and
 * index changes) and `GET /api/v1/market/stream/stats`, served by `hub` (a
 * service the server starts) or handed to `workers`.
 */
export function registerMarketStreamRoutes(
  app: TypeBoxApp,
  site: SiteContext,
  streams: {
    readonly hub: MarketStreamHub;
    readonly connections: StreamConnections;
    readonly workers: StreamWorkerPool | undefined;
  },
): void {
  const { hub, connections, workers } = streams;

  app.get('/api/v1/market/stream', { schema: { querystring: StreamQuery } }, (request, reply) => {
    const parsed = parseStreamFilter(request.query, site.deps.market.snapshot());
    if (!parsed.ok) {
      const names = parsed.unknown.map((entry) => entry.name).join(', ');
      return sendApiError(
        reply,
        400,
        `Unknown symbols or index codes: ${names}. /api/v1/market/quotes and /api/v1/market/indices list the known ones.`,
        parsed.unknown.map((entry) => ({ field: entry.field, message: `${entry.name} is not listed` })),
      );
    }
    // From here the response is ours, not Fastify's: it stays open until the client or the server ends it.
    reply.hijack();
    connections.claim(request.raw.socket);
    reply.raw.writeHead(200, { ...definedHeaders(reply.getHeaders()), ...STREAM_HEADERS });
    hub.connect(reply.raw, parsed.filter, parseLastEventId(request.headers['last-event-id']));
    return reply;
  });

  app.get('/api/v1/market/stream/stats', { schema: { response: { 200: StreamStats } } }, async (_request, reply) => {
    // With stream workers the streams are theirs: their counters, added up, plus any this process kept.
    return reply.header('cache-control', 'no-store').send(withWorkers(hub.stats(), workers?.stats() ?? null));
  });
}

/** Headers set earlier in the request (the security headers) are carried over: a hijacked reply would drop them. */
function definedHeaders(headers: Record<string, string | number | string[] | undefined>): OutgoingHttpHeaders {
  const defined: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) defined[name] = value;
  return defined;
}

function withWorkers(own: MarketStreamStats, workers: Omit<MarketStreamStats, 'limits'> | null): MarketStreamStats {
  if (workers === null) return own;
  return {
    version: Math.max(own.version, workers.version),
    clients: own.clients + workers.clients,
    lagging: own.lagging + workers.lagging,
    blocked: own.blocked + workers.blocked,
    connectionsTotal: own.connectionsTotal + workers.connectionsTotal,
    sends: workers.sends,
    dropped: {
      overflow: own.dropped.overflow + workers.dropped.overflow,
      blocked: own.dropped.blocked + workers.dropped.blocked,
    },
    maxPendingBytes: Math.max(own.maxPendingBytes, workers.maxPendingBytes),
    peakPendingBytes: Math.max(own.peakPendingBytes, workers.peakPendingBytes),
    lastSendPassMs: workers.lastSendPassMs,
    limits: own.limits,
  };
}
