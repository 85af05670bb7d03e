import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listener of this process alone, and how to close it. */
export interface OwnListener {
  /** `http://host:port` as other processes reach it. */
  readonly address: string;
  close(): Promise<void>;
}

/**
 * A port of this process's own beside the one the workers of `--workers N`
 * share (node:cluster hands each connection on the shared port to any
 * worker): the market engine's internal API must reach the one process that
 * is the engine. `exclusive` keeps the cluster from sharing this one too.
 */
export function listenOwnPort(
  host: string,
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<OwnListener> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      server.off('error', reject);
      const { address, family, port } = server.address() as AddressInfo;
      const wildcard = address === '0.0.0.0' || address === '::';
      const reachable = wildcard ? '127.0.0.1' : family === 'IPv6' ? `[${address}]` : address;
      resolve({
        address: `http://${reachable}:${port}`,
        close: () =>
          new Promise((done) => {
            // Requests under way (a forwarded batch) are answered first; idle keep-alive connections go at once.
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
