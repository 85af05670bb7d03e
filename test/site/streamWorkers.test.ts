import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { formatRupees, paisa } from '../../src/market/money/money.js';
import type { MarketStreamStats } from '../../src/site/stream/marketStreamHub.js';
import { type RunningSite, startSite, TEST_NOW } from './siteFixture.js';
import { body, type OpenStream, openStream } from './sseClient.js';

const STREAM = '/api/v1/market/stream';

async function stats(site: RunningSite): Promise<MarketStreamStats> {
  return (await (await site.fetch(`${STREAM}/stats`)).json()) as MarketStreamStats;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('market streams held by stream worker processes (--stream-workers 2)', () => {
  let site: RunningSite;
  const streams: OpenStream[] = [];
  before(async () => {
    site = await startSite({ streamWorkers: 2 });
  });
  after(async () => {
    for (const stream of streams) stream.close();
    await site.close();
  });

  test('each client gets the headers and a snapshot from a worker, and then the same updates as with one process', async () => {
    for (let i = 0; i < 4; i++) {
      const stream = await openStream(site.baseUrl, i % 2 === 0 ? STREAM : `${STREAM}?symbols=OGDC&indices=`);
      streams.push(stream);
      assert.equal(stream.status, 200);
      assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
      assert.ok(stream.headers['content-security-policy'], 'the site headers come along');
      const first = await stream.next();
      assert.equal(first.event, 'snapshot');
      assert.equal(Number(first.id), site.market.version);
    }
    const counted = await until(
      () => stats(site),
      (s) => s.clients === 4,
      'four clients in the stats',
    );
    assert.equal(counted.dropped.overflow + counted.dropped.blocked, 0);

    const quote = site.market.quote('OGDC');
    assert.ok(quote);
    const price = paisa(quote.last + 5);
    const accepted = site.market.applyTrade({ symbol: 'OGDC', price, volume: 100, time: TEST_NOW });
    assert.ok(accepted.ok);
    // Not announced on the bus: the pool's fallback check forwards it within about a second.
    for (const stream of streams) {
      const update = await stream.next(5000);
      assert.equal(update.event, 'update');
      assert.equal(Number(update.id), site.market.version);
      const ogdc = body(update).quotes.find((q) => q.symbol === 'OGDC');
      assert.equal(ogdc?.last, formatRupees(price));
    }
  });

  test('a resumed stream (Last-Event-ID) gets only what changed since', async () => {
    const from = site.market.version;
    const quote = site.market.quote('HUBC');
    assert.ok(quote);
    assert.ok(site.market.applyTrade({ symbol: 'HUBC', price: paisa(quote.last + 1), volume: 100, time: TEST_NOW }).ok);
    await until(
      () => stats(site),
      (s) => s.version === site.market.version,
      'the workers to take in the trade',
    );
    const resumed = await openStream(site.baseUrl, STREAM, { 'last-event-id': String(from) });
    streams.push(resumed);
    // The stats show the newest worker's version; the worker this stream reached may take the trade in a
    // moment later, answering the resume with an empty update first and then the change.
    const symbols = new Set<string>();
    while (!symbols.has('HUBC')) {
      const event = await resumed.next(5000);
      assert.equal(event.event, 'update');
      for (const q of body(event).quotes) symbols.add(q.symbol);
    }
    assert.deepEqual([...symbols], ['HUBC']);
  });

  test('a worker that dies takes its streams with it, is started again, and new streams are served', async () => {
    const workers = streamWorkerPids();
    assert.equal(workers.length, 2, 'two worker processes run');
    const victim = workers[0] as number;
    process.kill(victim, 'SIGKILL');
    // Its clients see their stream end (EventSource would reconnect); the others keep theirs.
    const ends = await Promise.all(
      streams.map((stream) =>
        Promise.race([stream.ended.then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]),
      ),
    );
    assert.ok(ends.some(Boolean), 'the killed worker held some of the streams');
    assert.ok(!ends.every(Boolean), 'the other worker kept its streams');
    await until(
      async () => streamWorkerPids(),
      (pids) => pids.length === 2 && !pids.includes(victim),
      'a new worker in its place',
    );
    for (let i = 0; i < 4; i++) {
      const stream = await openStream(site.baseUrl, STREAM);
      streams.push(stream);
      assert.equal((await stream.next()).event, 'snapshot');
    }
  });

  test('a worker whose event loop stops (SIGSTOP) is killed after the hang timeout and started again', async () => {
    const before = new Set(streamWorkerPids());
    const local = await startSite({ streamWorkers: 1, workerHangTimeoutMs: 1500 });
    const [stuck] = streamWorkerPids().filter((pid) => !before.has(pid));
    try {
      assert.ok(stuck !== undefined, 'the new site has its worker');
      const held = await openStream(local.baseUrl, STREAM);
      assert.equal((await held.next()).event, 'snapshot');
      process.kill(stuck, 'SIGSTOP');
      // Nothing else ends a stopped process: the pool's watch must kill it, which ends the stream it held.
      const killed = await Promise.race([
        held.ended.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
      ]);
      assert.ok(killed, 'the stopped worker was killed within 10 s of a 1.5 s hang timeout');
      await until(
        async () => streamWorkerPids().filter((pid) => !before.has(pid)),
        (pids) => pids.length === 1 && !pids.includes(stuck),
        'a new worker in place of the stopped one',
      );
      const fresh = await openStream(local.baseUrl, STREAM);
      assert.equal((await fresh.next(5000)).event, 'snapshot');
      fresh.close();
    } finally {
      // Left stopped (the watch failed), it would outlive the test.
      if (stuck !== undefined && streamWorkerPids().includes(stuck)) killQuietly(stuck);
      await local.close();
    }
  });

  test('closing the server ends the workers and every stream they hold', async () => {
    const local = await startSite({ streamWorkers: 1 });
    const stream = await openStream(local.baseUrl, STREAM);
    assert.equal((await stream.next()).event, 'snapshot');
    await local.close();
    await stream.ended;
  });
});

/** The stream worker processes this test process started (children whose command line names the worker). */
function streamWorkerPids(): number[] {
  const children: number[] = [];
  for (const task of readdirSync(`/proc/${process.pid}/task`)) {
    try {
      const listed = readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim();
      if (listed !== '') children.push(...listed.split(/\s+/).map(Number));
    } catch {
      // the thread ended meanwhile
    }
  }
  return children.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('streamWorker');
    } catch {
      return false;
    }
  });
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
