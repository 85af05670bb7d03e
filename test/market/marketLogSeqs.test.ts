import assert from 'node:assert/strict';
import { after, before, describe, type TestContext, test } from 'node:test';
import type { MarketEvent } from '../../src/market/book/marketEvent.js';
import { paisa } from '../../src/market/money/money.js';
import { createMarketLog, type MarketLog } from '../../src/store/market/marketLog.js';
import type { StoreBackend } from '../store/storeBackends.js';
import { onBothDialects, openMarketDb } from './marketBackends.js';

const at = new Date('2023-01-31T05:00:00Z');

function trade(seq: number, feed = 'psx'): MarketEvent {
  return { kind: 'trade', trade: { symbol: 'OGDC', price: paisa(8800), volume: 100, time: at, seq, feed } };
}

function seqOf(event: MarketEvent) {
  return event.kind === 'trade' ? event.trade.seq : undefined;
}

async function loggedSeqs(log: MarketLog) {
  const seqs = [];
  for await (const { event } of log.eventsAfter(0)) seqs.push(seqOf(event));
  return seqs;
}

await onBothDialects('MarketLog seqs', (makeBackend: () => Promise<StoreBackend> | StoreBackend, dialect: string) => {
  describe(`MarketLog duplicate check on ${dialect}`, () => {
    let backend: StoreBackend;
    before(async () => {
      backend = await makeBackend();
    });
    after(() => backend.dispose());

    async function openLog(t: TestContext) {
      const opened = await openMarketDb(await backend.freshTarget());
      t.after(() => opened.close());
      return opened;
    }

    test('finds logged seqs whether or not the batch is above what it appended last', async (t) => {
      const { db } = await openLog(t);
      const log = createMarketLog(db);
      assert.deepEqual(await log.knownSeqs('psx', [1, 2]), new Set());
      await log.append({ events: [trade(1), trade(2), trade(5), { ...trade(3, 'other') }] });
      assert.deepEqual(await log.knownSeqs('psx', [6, 7]), new Set());
      assert.deepEqual(await log.knownSeqs('psx', [6, 5, 4, 1]), new Set([5, 1]));
      assert.deepEqual(await log.knownSeqs('other', [3, 4]), new Set([3]));
      // A fresh log on the same table (a restart) reads its marks from the rows.
      assert.deepEqual(await createMarketLog(db).knownSeqs('psx', [2, 9]), new Set([2]));
      const head = await log.head();
      const logged = [];
      for await (const entry of log.eventsAfter(0)) logged.push(entry);
      assert.equal(logged.length, 4);
      assert.equal(logged.at(-1)?.position, head);
      assert.deepEqual(logged[2]?.event, trade(5));
    });

    test('rows written behind its back fail the append, and the next check reads the table again', async (t) => {
      const { db } = await openLog(t);
      const log = createMarketLog(db);
      await log.append({ events: [trade(1)] });
      assert.deepEqual(await log.knownSeqs('psx', [2]), new Set());
      // Another writer (another process on the same database) takes seq 2 and 3.
      await createMarketLog(db).append({ events: [trade(2), trade(3)] });
      // This log's mark is behind, so it answers "not logged"; the unique (feed, seq) constraint still refuses.
      await assert.rejects(log.append({ events: [trade(3), trade(4)] }));
      assert.deepEqual(await log.knownSeqs('psx', [3, 4]), new Set([3]));
      assert.deepEqual(await loggedSeqs(log), [1, 2, 3], 'the failed batch wrote nothing');
    });

    test('a batch with a checkpoint keeps it at the position of the event it follows', async (t) => {
      const { db } = await openLog(t);
      const log = createMarketLog(db);
      await log.append({ events: [trade(1), trade(2)] });
      const state = { marker: 'after seq 3' } as unknown as Parameters<MarketLog['writeCheckpoint']>[1];
      await log.append({
        events: [trade(3), trade(4), trade(5)],
        checkpoints: [{ afterIndex: 0, state, reason: 'test' }],
      });
      // Positions count rows: 1 and 2 are one run row, 3 a row of its own (the checkpoint's cut ends a row), 4 and 5 a run.
      const checkpoint = await log.latestCheckpoint();
      assert.equal(checkpoint?.position, 2);
      assert.deepEqual(checkpoint?.state, state);
      assert.equal(await log.head(), 3);
      const upToCheckpoint = [];
      for await (const { event } of log.eventsAfter(0, 2)) upToCheckpoint.push(event);
      assert.deepEqual(upToCheckpoint, [trade(1), trade(2), trade(3)]);
    });

    test('a run of consecutive seqs is one row, read back trade by trade with their own times', async (t) => {
      const { db } = await openLog(t);
      const log = createMarketLog(db);
      const run = Array.from({ length: 3000 }, (_, i) => ({
        kind: 'trade' as const,
        trade: {
          symbol: i % 2 ? 'HUBC' : 'OGDC',
          price: paisa(8800 + i),
          volume: 100 + i,
          time: new Date(at.getTime() + i),
          seq: 101 + i,
          feed: 'psx',
        },
      }));
      await log.append({ events: [...run, trade(7, 'other'), trade(8, 'other'), trade(5000)] });
      const rows = await db.selectFrom('market_events').select(['seq', 'seq_last']).orderBy('position').execute();
      assert.deepEqual(
        rows.map((row) => [Number(row.seq), row.seq_last === null ? null : Number(row.seq_last)]),
        [
          [101, 3100],
          [7, 8],
          [5000, null],
        ],
      );
      const events = [];
      for await (const { event } of log.eventsAfter(0)) events.push(event);
      assert.deepEqual(events, [...run, trade(7, 'other'), trade(8, 'other'), trade(5000)]);
      // Exact inside and around the run, across reads (a read spans at most 2000 seqs), on a fresh log (no marks).
      const fresh = createMarketLog(db);
      assert.deepEqual(
        await fresh.knownSeqs('psx', [100, 101, 1500, 2101, 3099, 3100, 3101, 4999, 5000, 5001, 1, 99_999]),
        new Set([101, 1500, 2101, 3099, 3100, 5000]),
      );
      assert.deepEqual(await fresh.knownSeqs('other', [6, 7, 8, 9]), new Set([7, 8]));
      assert.deepEqual(
        await fresh.knownSeqs('psx', [5001, 5002]),
        new Set(),
        "above the highest logged seq, a run's last",
      );
    });

    test('no seq is logged twice: a row meeting a logged run or seq anywhere fails its whole batch', async (t) => {
      const { db } = await openLog(t);
      const log = createMarketLog(db);
      await log.append({ events: [10, 11, 12, 13].map((seq) => trade(seq)) });
      await log.append({ events: [trade(20)] });
      // Each written behind the recorder's duplicate check (a fresh log writes what it is given).
      const clashes = [
        [trade(1), trade(2), trade(11)], // a single seq inside a logged run
        [trade(8), trade(9), trade(10)], // a run ending on a run's first seq (the unique index's case)
        [trade(5), trade(6), trade(7), trade(8), trade(9), trade(10), trade(11)], // a run reaching into one
        [trade(13), trade(14)], // a run starting on a run's last seq
        [trade(18), trade(19), trade(20), trade(21)], // a run over a logged single seq
        [trade(30), trade(31), trade(20)], // the clash in a later row of the batch
      ];
      for (const events of clashes) {
        await assert.rejects(createMarketLog(db).append({ events }), /unique/i, JSON.stringify(events.map(seqOf)));
      }
      assert.deepEqual(await loggedSeqs(log), [10, 11, 12, 13, 20], 'no failed batch wrote anything');
      await createMarketLog(db).append({ events: [14, 15, 16, 17, 18, 19].map((seq) => trade(seq)) });
      await createMarketLog(db).append({ events: [trade(9), trade(21), trade(22)] });
      assert.deepEqual(await loggedSeqs(log), [10, 11, 12, 13, 20, 14, 15, 16, 17, 18, 19, 9, 21, 22]);
      assert.equal(
        await createMarketLog(db)
          .knownSeqs('psx', [23])
          .then((known) => known.size),
        0,
      );
    });
  });
});
