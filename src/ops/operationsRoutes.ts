import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendApiError } from '../http/apiError.js';
import type { SiteMetrics } from './metrics.js';
import type { Readiness, ReadinessAnswer } from './readiness.js';

export interface OperationsRoutesOptions {
  readonly readiness: Readiness;
  readonly metrics: SiteMetrics;
  /** `/metrics` on this (public) server only to `Authorization: Bearer <token>`; null: not served here at all. */
  readonly metricsToken: string | null;
}

const NO_STORE = 'no-store';

/**
 * `/healthz` (the process answers: no database, no bus), `/readyz` (whether
 * it should be sent traffic) and, behind a token, `/metrics`. Plain routes:
 * never in the page cache, never rate-limited, never cached by a proxy.
 */
export function registerOperationsRoutes(app: FastifyInstance, options: OperationsRoutesOptions): void {
  app.get('/healthz', async (_request, reply) => reply.header('cache-control', NO_STORE).send({ status: 'alive' }));

  app.get('/readyz', async (_request, reply) => sendReadiness(reply, await options.readiness.evaluate()));

  const { metricsToken } = options;
  if (metricsToken === null) return;
  const expected = Buffer.from(`Bearer ${metricsToken}`);
  app.get('/metrics', async (request, reply) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      reply.header('www-authenticate', 'Bearer realm="broadsheet metrics"');
      return sendApiError(reply, 401, 'Send the metrics token: Authorization: Bearer <token>.');
    }
    return reply
      .header('cache-control', NO_STORE)
      .header('content-type', options.metrics.contentType)
      .send(await options.metrics.render());
  });
}

/** 200 when ready, else 503 with each check and the failing ones named. */
export function readinessBody(answer: ReadinessAnswer) {
  return { status: answer.status, failing: answer.failing, checks: answer.checks };
}

function sendReadiness(reply: FastifyReply, answer: ReadinessAnswer): FastifyReply {
  return reply
    .code(answer.ready ? 200 : 503)
    .header('cache-control', NO_STORE)
    .send(readinessBody(answer));
}
