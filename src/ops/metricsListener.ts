import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Service } from '../shared/service.js';
import type { MetricsSource } from './clusterMetrics.js';

export interface MetricsListenerOptions {
  readonly host: string;
  readonly port: number;
  readonly metrics: MetricsSource;
  /** Told the address once listening (`http://127.0.0.1:9464`). */
  readonly onListening: (address: string) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * `/metrics` on a port of its own (`--metrics-port`), for a Prometheus on the
 * machine or a private network: the public port never shows it. A bare Node
 * server: nothing else is served there, and a scrape never queues behind
 * reader traffic in Fastify.
 */
export function metricsListener(options: MetricsListenerOptions): Service {
  let server: Server | null = null;
  return {
    name: 'metrics listener',
    start: () =>
      new Promise<void>((resolve, reject) => {
        const listening = createServer((request, response) => {
          const path = request.url?.split('?')[0];
          if ((request.method !== 'GET' && request.method !== 'HEAD') || path !== '/metrics') {
            response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Only GET /metrics here.\n');
            return;
          }
          options.metrics.render().then(
            (text) => {
              response.writeHead(200, { 'content-type': options.metrics.contentType, 'cache-control': 'no-store' });
              response.end(request.method === 'HEAD' ? undefined : text);
            },
            (error: unknown) => {
              options.onError(error);
              response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics failed.\n');
            },
          );
        });
        listening.once('error', reject);
        listening.listen(options.port, options.host, () => {
          listening.off('error', reject);
          server = listening;
          const { address, port } = listening.address() as AddressInfo;
          options.onListening(`http://${address.includes(':') ? `[${address}]` : address}:${port}`);
          resolve();
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (server === null) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
        server = null;
      }),
  };
}
