import type { FastifyInstance } from 'fastify';

/**
 * The largest refused body read to its end rather than cut off: a little
 * over nginx's `client_max_body_size 11m` (deploy/nginx/broadsheet.conf), so
 * whatever the proxy lets through is drained.
 */
export const REFUSED_BODY_DRAIN_BYTES = 12 * 1024 * 1024;

/**
 * Fastify answers a body it will not parse (too large, unreadable) with
 * `Connection: close` and shuts the connection while the client may still
 * be sending. A browser copes; nginx, still forwarding the body it
 * buffered, hits a broken pipe, answers the reader 502 instead of the 413
 * and counts the node as failed: two such requests (`max_fails=2`) took a
 * healthy node out of the pool for 5 s, and a few oversized comments took
 * every node out, so the whole site answered 502. A refused body of a
 * declared length within REFUSED_BODY_DRAIN_BYTES is instead read to its end
 * and dropped (Node discards what nobody reads once the answer is sent), and
 * the connection stays open; a longer or unframed one is still cut off.
 * The 2-minute request timeout (./containedListener.ts) bounds a slow drain.
 */
export function drainRefusedBodies(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode >= 400 && reply.statusCode < 500 && reply.getHeader('connection') === 'close') {
      const declared = Number(request.headers['content-length']);
      if (request.headers['transfer-encoding'] === undefined && declared <= REFUSED_BODY_DRAIN_BYTES) {
        reply.removeHeader('connection');
      }
    }
    done(null, payload);
  });
}
