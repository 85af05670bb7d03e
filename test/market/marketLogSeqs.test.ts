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
      const [row] = await db
        .selectFrom('market_events')
        .select((eb) => eb.fn.countAll().as('count'))
        .execute();
      assert.equal(Number(row?.count), 3, 'the failed batch wrote nothing');
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
      const checkpoint = await log.latestCheckpoint();
      assert.equal(checkpoint?.position, 3);
      assert.deepEqual(checkpoint?.state, state);
      assert.equal(await log.head(), 5);
    });
  });
});
