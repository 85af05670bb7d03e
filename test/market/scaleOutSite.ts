import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { POSTGRES_URL } from '../store/storeBackends.js';
import { type Finished, run, serve } from '../support/cliProcess.js';
import { REDIS_URL, redisProblem } from '../support/redisProbe.js';

// Real `broadsheet serve` processes of one site on PostgreSQL and Redis (docs/adr/0006-market-authority.md):
// each test site is a schema of its own, reached through the URL's search_path, so parallel runs never meet.

/** The `skip` of a suite that needs both PostgreSQL and Redis (one check for every scaled-out suite). */
export { scaledOutSkip as skipWithoutPostgresAndRedis } from '../support/scaledOutSite.js';
export { REDIS_URL, redisProblem };

let sitesMade = 0;

/** An empty schema, the URL that opens it, and the way to drop it. */
export interface ScaleOutDatabase {
  readonly url: string;
  readonly schema: string;
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function scaleOutDatabase(): Promise<ScaleOutDatabase> {
  sitesMade += 1;
  const schema = `broadsheet_scale_${process.pid}_${Date.now().toString(36)}_${sitesMade}`;
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
  await pool.query(`create schema "${schema}"`);
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    schema,
    async query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      const client = await pool.connect();
      try {
        await client.query(`set search_path to "${schema}"`);
        return (await client.query<T>(text, values)).rows;
      } finally {
        client.release();
      }
    },
    async drop() {
      await pool.query(`drop schema if exists "${schema}" cascade`);
      await pool.end();
    },
  };
}

/** One `broadsheet serve` process of the site. */
export interface SiteNode {
  readonly address: string;
  readonly child: ChildProcess;
  readonly exited: Promise<Finished>;
  /** SIGTERM (a clean stop: an engine lets its lease go) and wait. */
  stop(): Promise<void>;
  /** SIGKILL and wait: nothing of the process runs after this. */
  kill(): Promise<void>;
}

// Short, so a takeover in a test takes a few seconds rather than the default's five and more.
export const TEST_LEASE_MS = 2000;

export async function serveNode(
  database: ScaleOutDatabase,
  role: 'all' | 'web' | 'engine',
  extra: readonly string[] = [],
): Promise<SiteNode> {
  const { child, address, exited } = await serve([
    '--database-url',
    database.url,
    '--redis-url',
    REDIS_URL,
    '--simulator',
    'off',
    '--comment-rate-limit',
    '0',
    '--role',
    role,
    '--engine-lease',
    String(TEST_LEASE_MS),
    ...extra,
  ]);
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { address, child, exited, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/** A token of `role` for the site, made through the command line as an operator would. */
export async function siteToken(database: ScaleOutDatabase, role: string): Promise<string> {
  const result = await run([
    'tokens',
    'create',
    '--role',
    role,
    '--name',
    `test ${role}`,
    '--database-url',
    database.url,
  ]);
  if (result.code !== 0) throw new Error(`tokens create failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** Waits until the engine lease is live and names `node` as where the engine answers. */
export async function untilEngine(database: ScaleOutDatabase, node: SiteNode, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await database.query<{ epoch: string; engine_url: string; live: boolean }>(
      `select epoch, engine_url, expires_at > (extract(epoch from clock_timestamp()) * 1000)::bigint as live
         from market_engine_lease where name = 'market'`,
    );
    const row = rows[0];
    if (row?.live && row.engine_url === new URL(node.address).origin) return Number(row.epoch);
    if (Date.now() > deadline)
      throw new Error(`${node.address} did not become the market engine: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
