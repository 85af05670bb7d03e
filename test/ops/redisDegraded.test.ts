import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { serve } from '../support/cliProcess.js';
import { isCi } from '../support/environment.js';

// A node whose Redis is away at start: it comes up degraded (pages served, /readyz 503 naming the bus),
// and recovers by itself when Redis appears; likewise when Redis goes away and comes back later.
// Redis here is a redis-server of the test's own, on a free port, stopped by its PID.

const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
const skip =
  !hasRedisServer && !isCi()
    ? 'SKIPPED: redis-server not found (install with: apt-get install -y redis-server). Set CI=true to make this a failure.'
    : false;
if (skip) console.warn(skip);

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-redis-away-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A redis-server of this test's own, without persistence; resolves once it answers PING. Each probe is a fresh
 * connection that gives up at once, so a probe never waits in a client's queue; a server that exits (a port
 * taken meanwhile) fails the start with what it printed, rather than as a silent timeout.
 */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A loaded CI machine starts processes slowly; the test's own deadlines come after this.
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`redis-server on ${port} exited (${child.exitCode ?? child.signalCode}): ${output}`);
    const probe = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      retryStrategy: () => null,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return child;
    } catch {
      // not listening yet
    } finally {
      probe.disconnect();
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server on ${port} did not answer within 20 s: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface Readiness {
  readonly status: string;
  readonly checks: Record<string, { ok: boolean; status: string }>;
}

/** Polls /readyz until it answers `status` (HTTP), for up to 10 s; returns the last answer. */
async function readinessBecomes(address: string, status: number): Promise<{ status: number; body: Readiness }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await fetch(`${address}/readyz`);
    const body = (await answer.json()) as Readiness;
    if (answer.status === status || Date.now() > deadline) return { status: answer.status, body };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a node whose Redis is away', { skip }, () => {
  test('starts degraded, serves pages, says so in /readyz, and recovers when Redis comes and comes back', async () => {
    const port = await freePort();
    const db = join(dir, 'site.sqlite');
    const node = await serve([
      '--db',
      db,
      '--redis-url',
      `redis://127.0.0.1:${port}`,
      '--simulator-interval',
      '200',
      '--drain-window',
      '0',
    ]);
    let redis: ChildProcess | null = null;
    try {
      const degraded = await readinessBecomes(node.address, 503);
      assert.equal(degraded.status, 503);
      assert.equal(degraded.body.checks.bus?.ok, false);
      assert.equal(degraded.body.checks.bus?.status, 'degraded');
      assert.equal(degraded.body.checks.database?.ok, true);
      assert.equal((await fetch(`${node.address}/markets`)).status, 200, 'pages are served from the process');

      redis = await startRedis(port);
      const recovered = await readinessBecomes(node.address, 200);
      assert.equal(recovered.status, 200);
      assert.equal(recovered.body.checks.bus?.status, 'connected');

      // What the node publishes goes out again, on the channel named by the default prefix (the database).
      const listener = new Redis({ port, host: '127.0.0.1' });
      try {
        const heard = new Promise<string>((resolve) => listener.on('message', (channel: string) => resolve(channel)));
        await listener.subscribe(`broadsheet:${db}:market.changed`);
        assert.equal(await heard, `broadsheet:${db}:market.changed`);
      } finally {
        listener.disconnect();
      }

      await stopRedis(redis);
      const lostAgain = await readinessBecomes(node.address, 503);
      assert.equal(lostAgain.body.checks.bus?.status, 'degraded');
      redis = await startRedis(port);
      assert.equal((await readinessBecomes(node.address, 200)).status, 200);
    } finally {
      node.child.kill('SIGTERM');
      const finished = await node.exited;
      if (redis !== null) await stopRedis(redis);
      assert.equal(finished.code, 0, finished.stderr);
    }
  });
});
