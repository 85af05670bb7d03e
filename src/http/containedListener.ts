import type { IncomingMessage, RequestListener, ServerOptions, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { StreamConnections } from './streamConnections.js';

/**
 * Node's limits on a connection, tighter than its defaults: a client gets
 * 15 s to send its request head and 2 minutes for the whole request (an
 * upload on a slow line fits), and expiry is checked every 5 s, so slow-header
 * and slow-body connections are closed with a 408 instead of being held.
 * Heads over 16 KB are refused before there is a request: 431, or 414 when
 * the request line alone runs past the address limit (requestTarget.ts).
 */
export const CONNECTION_LIMITS: ServerOptions = {
  headersTimeout: 15_000,
  requestTimeout: 120_000,
  connectionsCheckingInterval: 5_000,
  maxHeaderSize: 16 * 1024,
};

/**
 * Wraps the server's request listener so that nothing one request does can
 * end the process: the fast paths run outside Fastify, whose own handlers
 * catch errors only inside routing, so an exception there would otherwise
 * reach the top of the event loop. The failing request gets a 500 when its
 * response is still unwritten, or else its connection is closed; every other
 * connection carries on.
 *
 * It also refuses any request that follows a market stream on the same
 * connection (see StreamConnections) by closing that connection.
 */
export function containedListener(
  logger: FastifyBaseLogger,
  streams: StreamConnections,
  listener: RequestListener,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const socket = request.socket;
    if (streams.has(socket)) {
      logger.debug({ url: request.url }, 'request after a market stream on one connection; closing it');
      socket.destroy();
      return;
    }
    try {
      listener(request, response);
    } catch (error) {
      logger.error({ err: error, url: request.url }, 'request failed before routing');
      answerFailure(request, response, streams);
    }
  };
}

function answerFailure(request: IncomingMessage, response: ServerResponse, streams: StreamConnections): void {
  try {
    if (response.headersSent || response.writableEnded || streams.has(request.socket)) {
      request.socket.destroy();
      return;
    }
    response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    response.end('Something went wrong on our side.\n');
  } catch {
    request.socket.destroy();
  }
}
