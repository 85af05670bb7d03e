import { hashPassword } from '../../src/desk/accounts/passwordHash.js';
import type { Role } from '../../src/news/roles.js';
import { createAccount } from '../../src/store/accounts/accounts.js';
import { type OpenedStore, openStore } from '../../src/store/openStore.js';
import { PASSWORD, TEST_SCRYPT } from '../newsroom/adminSite.js';
import { POSTGRES_URL, postgresBackend, postgresProblem, redactedUrl } from '../store/storeBackends.js';
import { type Finished, serve } from './cliProcess.js';
import { isCi } from './environment.js';
import { REDIS_URL, redisProblem } from './redisProbe.js';

export { REDIS_URL };

/**
 * The `skip` of a suite that runs a scaled-out site: a message when PostgreSQL
 * or Redis is missing on a developer machine, false when both answer or on CI
 * (where the suite then fails, naming what is missing).
 */
export async function scaledOutSkip(): Promise<string | false> {
  const problems = [
    [await postgresProblem(POSTGRES_URL), `PostgreSQL not reachable at ${redactedUrl(POSTGRES_URL)}`],
    [await redisProblem(REDIS_URL), `Redis not reachable at ${REDIS_URL}`],
  ].filter(([problem]) => problem !== null);
  if (problems.length === 0 || isCi()) return false;
  const message = `SKIPPED: ${problems.map(([problem, what]) => `${what} (${problem})`).join('; ')}. Set CI=true to make this a failure.`;
  console.warn(message);
  return message;
}

/** One `broadsheet serve` process of the site. */
export interface SiteNode {
  readonly address: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface ScaledOutSite {
  readonly nodes: readonly SiteNode[];
  /** The test's own connection to the site's database, to arrange and inspect rows. */
  readonly store: OpenedStore;
  /** What `--database-url` the nodes were given: the server, with the site's own schema. */
  readonly databaseUrl: string;
  addUser(input: { readonly email: string; readonly role: Role }): Promise<void>;
  /** A newsroom API token of `role`, as `broadsheet tokens create` would issue it. */
  apiToken(role: Role): Promise<string>;
  close(): Promise<void>;
}

/**
 * Web nodes of one site as an operator runs them: separate `broadsheet serve`
 * processes on one PostgreSQL database (a schema of the test's own) and one
 * Redis, without demo content or simulator, so only the test changes anything.
 * The nodes start one after another: concurrent first starts are another part's concern.
 */
export async function startScaledOutSite(input: {
  readonly nodes: number;
  readonly args?: readonly string[];
}): Promise<ScaledOutSite> {
  const backend = postgresBackend(POSTGRES_URL);
  const target = await backend.freshTarget();
  if (target.kind !== 'postgres' || target.schema === undefined) throw new Error('expected a PostgreSQL schema');
  // Opening the store creates and migrates the schema before any node starts.
  const store = await openStore(target);
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${target.schema}`);
  const databaseUrl = url.toString();
  const nodes: SiteNode[] = [];
  const close = async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await store.close();
    await backend.dispose();
  };
  try {
    for (let i = 0; i < input.nodes; i++) {
      const started = await serve([
        '--database-url',
        databaseUrl,
        '--redis-url',
        REDIS_URL,
        '--no-demo',
        '--log-level',
        'info',
        ...(input.args ?? []),
      ]);
      nodes.push(nodeOf(started));
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    nodes,
    store,
    databaseUrl,
    async addUser({ email, role }) {
      const passwordHash = await hashPassword(PASSWORD, TEST_SCRYPT);
      await createAccount(store.db, { email, name: email.split('@')[0] ?? email, role, passwordHash, now: new Date() });
    },
    async apiToken(role) {
      const issued = await store.accounts.createApiToken({ name: `test ${role}`, role, now: new Date() });
      return issued.token;
    },
    close,
  };
}

function nodeOf(started: Awaited<ReturnType<typeof serve>>): SiteNode {
  const { child, address, exited } = started;
  let stopped: Promise<Finished> | null = null;
  return {
    address,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      stopped ??= exited;
      await stopped;
    },
  };
}

/**
 * Reads `url` until `check` holds of its text or `withinMs` has passed, and
 * returns the last text; the caller asserts on it. The other node hears the
 * bus a moment after the change.
 */
export async function eventuallyText(url: string, check: (text: string) => boolean, withinMs = 1000): Promise<string> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const text = await (await fetch(url)).text();
    if (check(text) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
