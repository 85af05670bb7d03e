import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createApp } from '../../src/app.js';
import type { Market } from '../../src/market/book/market.js';
import type { KyselyNewsStore } from '../../src/store/articles/kyselyNewsStore.js';
import { testServeConfig } from '../support/serveConfig.js';

export interface RunningSite {
  readonly baseUrl: string;
  readonly app: FastifyInstance;
  readonly store: KyselyNewsStore;
  readonly market: Market;
  /** A request to the running server that does not follow redirects. */
  fetch(pathAndQuery: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** "Today" for every test: a Tuesday evening in Karachi. */
export const TEST_NOW = new Date('2023-01-31T13:03:00Z');

/**
 * The whole app as `broadsheet serve` wires it, on a temporary SQLite file with
 * demo content and the demo market (no simulator, so prices hold still unless a
 * test trades), listening on a free loopback port.
 */
export async function startSite(
  options: { readonly commentRateLimitPerMinute?: number; readonly streamWorkers?: number } = {},
): Promise<RunningSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-web-'));
  const app = await createApp(
    testServeConfig(path.join(dir, 'news.sqlite'), {
      commentRateLimit: String(options.commentRateLimitPerMinute ?? 1000),
      streamWorkers: String(options.streamWorkers ?? 0),
    }),
    { logger: pino({ level: 'silent' }), now: () => TEST_NOW },
  );
  const baseUrl = await app.start();
  return {
    baseUrl,
    app: app.server,
    store: app.store,
    market: app.market,
    fetch: (pathAndQuery, init = {}) => fetch(`${baseUrl}${pathAndQuery}`, { redirect: 'manual', ...init }),
    async close() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
