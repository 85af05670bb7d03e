import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, type TestContext, test } from 'node:test';
import { sql } from 'kysely';
import { createDemoMarket } from '../../src/demo/market/demoMarket.js';
import { loadMarket } from '../../src/engine/marketLoader.js';
import { createMarketRecorder } from '../../src/engine/marketRecorder.js';
import type { Market } from '../../src/market/book/market.js';
import type { MarketEvent } from '../../src/market/book/marketEvent.js';
import { paisa } from '../../src/market/money/money.js';
import { createMarketLog, createThreadedMarketLog, type MarketLog } from '../../src/store/market/marketLog.js';
import { createThreadedLogWriter } from '../../src/store/market/threadedLogWriter.js';
import { ThreadWriteError } from '../../src/store/writerThread.js';
import { THREADS_THAT_CANNOT_START } from '../support/threadsThatCannotStart.js';
import { openMarketDb } from './marketBackends.js';

// The SQLite file's log with its trades and rates written on the writer thread (a second
// connection), as `serve` runs it: order, duplicates, failed commits and the market beside it.

const dir = await mkdtemp(join(tmpdir(), 'broadsheet-threaded-log-'));
after(() => rm(dir, { recursive: true, force: true }));
let files = 0;

const start = new Date('2023-01-31T05:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const createMarket = () => createDemoMarket(start, { replayReferenceTrades: false });

function trade(seq: number, symbol = 'OGDC', price = 8800, feed = 'psx'): MarketEvent {
  return { kind: 'trade', trade: { symbol, price: paisa(price), volume: 100, time: at(seq), seq, feed } };
}

async function openThreaded(t: TestContext) {
  const path = join(dir, `site-${++files}.sqlite`);
  const opened = await openMarketDb({ kind: 'sqlite', path });
  const writer = createThreadedLogWriter(path);
  t.after(async () => {
    await writer.close();
    await opened.close();
  });
  return { db: opened.db, writer, log: createThreadedMarketLog(opened.db, writer) };
}

async function loggedSeqs(log: MarketLog) {
  const seqs: (number | undefined)[] = [];
  for await (const { event } of log.eventsAfter(0)) seqs.push(event.kind === 'trade' ? event.trade.seq : undefined);
  return seqs;
}

function figures(market: Market) {
  const { quotes, indices, fx } = market.snapshot();
  return { quotes, indices, fx };
}

test('batches sent one after another without waiting are committed in the order sent', async (t) => {
  const { db, log } = await openThreaded(t);
  const sends = [];
  for (let batch = 0; batch < 20; batch++) {
    sends.push(log.append({ events: Array.from({ length: 700 }, (_, i) => trade(batch * 700 + i + 1)) }));
  }
  await Promise.all(sends);
  assert.deepEqual(
    await loggedSeqs(log),
    Array.from({ length: 14_000 }, (_, i) => i + 1),
  );
  // The site's own connection sees every row the thread committed: a fresh log (a restart) reads them.
  assert.deepEqual(await createMarketLog(db).knownSeqs('psx', [1, 14_000, 14_001]), new Set([1, 14_000]));
  assert.deepEqual(await log.knownSeqs('psx', [7000, 14_001]), new Set([7000]));
});

test('a (feed, seq) already in the table fails the whole batch on the thread, and nothing of it is written', async (t) => {
  const { db, log } = await openThreaded(t);
  await log.append({ events: [trade(1), trade(2)] });
  // Written behind the log's back (another process): the unique index refuses the batch that repeats it.
  await createMarketLog(db).append({ events: [trade(3)] });
  await assert.rejects(
    log.append({ events: [trade(4), trade(3), trade(5)] }),
    (error: unknown) => error instanceof ThreadWriteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE',
  );
  assert.deepEqual(await loggedSeqs(log), [1, 2, 3]);
  // The failure dropped the log's marks, so the duplicate check reads the table again.
  assert.deepEqual(await log.knownSeqs('psx', [3, 4, 5]), new Set([3]));
  await log.append({ events: [trade(4), trade(5)] });
  assert.deepEqual(await loggedSeqs(log), [1, 2, 3, 4, 5]);
});

test('a commit failing on the thread rejects its submissions and leaves market and log in agreement', async (t) => {
  const { db, log } = await openThreaded(t);
  const loaded = await loadMarket({ log, createMarket, initial: () => createDemoMarket(start), pinInitial: true });
  const market = loaded.market;
  const recorder = createMarketRecorder({ log, market, createMarket });
  t.after(() => recorder.stop());
  await recorder.record([trade(1, 'OGDC', 8800)]);
  // A real failure inside the writer's transaction, after some of the batch's rows went in: as a full disk would.
  // The row holding seq 13 fails, whether it is the trade's own row or a run of the batch's trades.
  await sql`create trigger refuse_seq_13 before insert on market_events
    when new.seq <= 13 and coalesce(new.seq_last, new.seq) >= 13
    begin select raise(abort, 'database or disk is full'); end`.execute(db);
  const before = figures(market);
  const version = market.version;
  const results = await Promise.allSettled([
    recorder.record([trade(11, 'OGDC', 8850), trade(12, 'HUBC', 6400)]),
    recorder.record([trade(13, 'OGDC', 8900)]),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['rejected', 'rejected'],
  );
  const [first] = results;
  assert.ok(first?.status === 'rejected' && first.reason instanceof ThreadWriteError);
  assert.match(String(first.reason.message), /disk is full/);
  assert.equal(market.version, version, 'the live market took nothing of the failed batch');
  assert.deepEqual(figures(market), before);
  assert.deepEqual(await loggedSeqs(log), [1], 'the log took nothing of it either');

  await sql`drop trigger refuse_seq_13`.execute(db);
  const answers = await recorder.record([trade(11, 'OGDC', 8850), trade(12, 'HUBC', 6400), trade(13, 'OGDC', 8900)]);
  assert.deepEqual(
    answers.map((o) => (o.kind === 'trade' && o.receipt.ok ? o.receipt.duplicate : null)),
    [false, false, false],
    'sent again, every trade is taken as new',
  );
  assert.equal(market.quote('OGDC')?.last, 8900);
  // Market and log agree: a restart from the log shows what the live market shows.
  const replayed = await loadMarket({
    log: createMarketLog(db),
    createMarket,
    initial: () => createDemoMarket(start),
    pinInitial: true,
  });
  assert.deepEqual(figures(replayed.market), figures(market));
});

test('a closed writer refuses a batch, and nothing of it is written', async (t) => {
  const { log, writer } = await openThreaded(t);
  await log.append({ events: [trade(1)] });
  await writer.close();
  await assert.rejects(log.append({ events: [trade(2)] }), /closed/);
  assert.deepEqual(await loggedSeqs(log), [1]);
});

test('a thread that ends after its COMMIT but before it answers: the batch is logged, so it is a success, not "nothing was taken"', async (t) => {
  const { db, writer: real } = await openThreaded(t);
  let dieAfterCommit = true;
  // The answer lost with the thread: the rows committed (or not), then the thread's end is all the caller hears.
  const dying = {
    async write(values: readonly (string | number | null)[]) {
      if (dieAfterCommit) await real.write(values);
      throw new ThreadWriteError('the market log writer thread ended: exit code 1', null);
    },
    available: true,
    close: () => real.close(),
  };
  const log = createThreadedMarketLog(db, dying);
  await log.append({ events: [trade(1), trade(2)] });
  assert.deepEqual(await loggedSeqs(log), [1, 2]);

  // Ended before its COMMIT: nothing is in the log, and the caller hears so.
  dieAfterCommit = false;
  await assert.rejects(
    log.append({ events: [trade(3)] }),
    (error: unknown) => error instanceof ThreadWriteError && error.code === null,
  );
  assert.deepEqual(await loggedSeqs(log), [1, 2]);
});

for (const [how, startThread] of THREADS_THAT_CANNOT_START) {
  test(`the writer thread cannot start (${how}): the site's own connection logs every batch, once durable`, async (t) => {
    const path = join(dir, `site-${++files}.sqlite`);
    const opened = await openMarketDb({ kind: 'sqlite', path });
    let starts = 0;
    const told: string[] = [];
    const writer = createThreadedLogWriter(path, {
      startThread: () => {
        starts += 1;
        return startThread();
      },
      onUnavailable: (error) => told.push(error.message),
    });
    t.after(async () => {
      await writer.close();
      await opened.close();
    });
    const log = createThreadedMarketLog(opened.db, writer);
    const loaded = await loadMarket({ log, createMarket, initial: () => createDemoMarket(start), pinInitial: true });
    const recorder = createMarketRecorder({ log, market: loaded.market, createMarket });
    t.after(() => recorder.stop());

    const answers = await Promise.all([
      recorder.record([trade(1, 'OGDC', 8810), trade(2, 'HUBC', 6400)]),
      recorder.record([trade(3, 'OGDC', 8820)]),
    ]);
    assert.deepEqual(
      answers.flat().map((o) => o.kind === 'trade' && o.receipt.ok && !o.receipt.duplicate),
      [true, true, true],
    );
    const again = await recorder.record([trade(3, 'OGDC', 8820), trade(4, 'OGDC', 8830)]);
    assert.deepEqual(
      again.map((o) => (o.kind === 'trade' && o.receipt.ok ? o.receipt.duplicate : null)),
      [true, false],
    );
    assert.equal(writer.available, false);
    assert.equal(starts, 1, 'a thread that could not start is not tried at every batch');
    assert.equal(told.length, 1, 'the site hears it once (serve logs a warning)');
    assert.match(told[0] ?? '', /could not start/);
    // On the file: a fresh connection (a restart) reads every acknowledged trade and the same market.
    const reopened = await openMarketDb({ kind: 'sqlite', path });
    t.after(() => reopened.close());
    const fresh = createMarketLog(reopened.db);
    assert.deepEqual(await loggedSeqs(fresh), [1, 2, 3, 4]);
    const replayed = await loadMarket({
      log: fresh,
      createMarket,
      initial: () => createDemoMarket(start),
      pinInitial: true,
    });
    assert.deepEqual(figures(replayed.market), figures(loaded.market));
  });
}
