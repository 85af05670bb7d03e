import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createApp } from '../../src/app.js';
import type { Market } from '../../src/market/book/market.js';
import type { KyselyNewsStore } from '../../src/store/articles/kyselyNewsStore.js';
import type { DatabaseTarget } from '../../src/store/connect.js';
import { openStore } from '../../src/store/openStore.js';
import { POSTGRES_URL, postgresBackend } from '../store/storeBackends.js';
import { testServeConfig } from '../support/serveConfig.js';

export interface RunningSite {
  readonly baseUrl: string;
  readonly app: FastifyInstance;
  readonly store: KyselyNewsStore;
  readonly market: Market;
  /** The site's database, for a test that opens a store of its own on it (the newsroom's workflow, say). */
  readonly database: DatabaseTarget;
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
  options: {
    readonly commentRateLimitPerMinute?: number;
    readonly streamWorkers?: number;
    /** `--worker-hang-timeout` in ms (stream workers are watched with it too); the default when absent. */
    readonly workerHangTimeoutMs?: number;
    /** `postgres`: a fresh schema of its own at DATABASE_URL (the caller checks the server answers). */
    readonly engine?: 'sqlite' | 'postgres';
  } = {},
): Promise<RunningSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-web-'));
  const sqlitePath = path.join(dir, 'news.sqlite');
  const postgres = options.engine === 'postgres' ? postgresBackend(POSTGRES_URL) : null;
  const database: DatabaseTarget =
    postgres === null ? { kind: 'sqlite', path: sqlitePath } : await postgres.freshTarget();
  const removeAll = async () => {
    rmSync(dir, { recursive: true, force: true });
    await postgres?.dispose();
  };
  try {
    // `serve` reads the schema from the URL and expects it to exist: opening a store once creates and migrates it.
    if (database.kind === 'postgres') await (await openStore(database)).close();
    const app = await createApp(
      testServeConfig(sqlitePath, {
        commentRateLimit: String(options.commentRateLimitPerMinute ?? 1000),
        streamWorkers: String(options.streamWorkers ?? 0),
        ...(options.workerHangTimeoutMs === undefined
          ? {}
          : { workerHangTimeout: String(options.workerHangTimeoutMs) }),
        ...(database.kind === 'postgres' ? { databaseUrl: urlWithSchema(database) } : {}),
      }),
      { logger: pino({ level: 'silent' }), now: () => TEST_NOW },
    );
    const baseUrl = await app.start();
    return {
      baseUrl,
      app: app.server,
      store: app.store,
      market: app.market,
      database,
      fetch: (pathAndQuery, init = {}) => fetch(`${baseUrl}${pathAndQuery}`, { redirect: 'manual', ...init }),
      async close() {
        await app.stop();
        await removeAll();
      },
    };
  } catch (error) {
    await removeAll();
    throw error;
  }
}

/** The schema as `serve` takes it: in the URL's start-up options (the search path). */
function urlWithSchema(target: Extract<DatabaseTarget, { kind: 'postgres' }>): string {
  const url = new URL(target.url);
  if (target.schema !== undefined) url.searchParams.set('options', `-c search_path=${target.schema}`);
  return url.toString();
}
