import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isWireMarketEvent, type WireMarketEvent } from '../../bus/marketReplication.js';
import { ENGINE_RECORD_PATH, ENGINE_SNAPSHOT_PATH } from '../../engine/engineClient.js';
import { type MarketAuthority, NotTheEngineError } from '../../engine/marketAuthority.js';
import { MarketEventError } from '../../engine/marketRecorder.js';
import { apiErrorBody } from '../../http/apiError.js';

// A closing file's day, as JSON, is several times the file; the import itself is bounded by MAX_IMPORT_BYTES.
const BODY_LIMIT = 256 * 1024 * 1024;
const BEARER = /^Bearer (\S{1,200})$/;

/**
 * The engine's internal API (docs/adr/0006-market-authority.md), for the
 * other nodes of the site only: a forwarded batch of market events, and the
 * engine's snapshot. Both need the secret the engine published with its
 * lease; on a node that is not the engine they answer 503 `not-engine`.
 */
export function registerEngineRoutes(app: FastifyInstance, authority: MarketAuthority): void {
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (token === undefined || !authority.acceptsSecret(token)) {
      // Also what a node that lost the lease says: its secret went with it.
      await send(reply, 503, 'This node is not the market engine.', { reason: 'not-engine' });
    }
  };

  app.post(ENGINE_RECORD_PATH, { onRequest: guard, bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const body = request.body as Record<string, unknown> | null;
    const events: unknown = body?.events;
    const now: unknown = body?.now;
    if (
      body === null ||
      !Number.isSafeInteger(body.epoch) ||
      !(now === null || Number.isFinite(now)) ||
      !Array.isArray(events) ||
      !events.every(isWireMarketEvent)
    ) {
      return send(reply, 400, 'A forwarded batch is { epoch, now, events } with events in the log’s form.');
    }
    try {
      const answer = await authority.recordForwarded(
        body.epoch as number,
        events as WireMarketEvent[],
        typeof now === 'number' ? new Date(now) : undefined,
      );
      return reply.header('cache-control', 'no-store').send(answer);
    } catch (error) {
      if (error instanceof NotTheEngineError) {
        return send(reply, 503, 'This node is not the market engine at that epoch.', { reason: 'not-engine' });
      }
      if (error instanceof MarketEventError) {
        return send(reply, 422, error.message, { kind: error.kind });
      }
      request.log.error({ err: error }, 'a forwarded market batch could not be recorded');
      return send(reply, 503, 'The market log could not be written; nothing was taken.', { reason: 'log' });
    }
  });

  app.get(ENGINE_SNAPSHOT_PATH, { onRequest: guard }, async (_request, reply) => {
    const snapshot = authority.snapshot();
    if (snapshot === null) return send(reply, 503, 'This node is not the market engine.', { reason: 'not-engine' });
    return reply.header('cache-control', 'no-store').send(snapshot);
  });
}

function send(reply: FastifyReply, status: number, message: string, extra: Record<string, string> = {}) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ ...apiErrorBody(status, message), ...extra });
}
