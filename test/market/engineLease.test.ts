import assert from 'node:assert/strict';
import { after, before, describe, type TestContext, test } from 'node:test';
import type { MarketEvent } from '../../src/market/book/marketEvent.js';
import { paisa } from '../../src/market/money/money.js';
import { createEngineLeaseStore } from '../../src/store/market/engineLease.js';
import { createMarketLog, FencedOutError } from '../../src/store/market/marketLog.js';
import type { StoreBackend } from '../store/storeBackends.js';
import { onBothDialects, openMarketDb } from './marketBackends.js';

const at = new Date('2023-01-31T05:00:00Z');

function trade(seq: number): MarketEvent {
  return { kind: 'trade', trade: { symbol: 'OGDC', price: paisa(8800), volume: 100, time: at, seq, feed: 'psx' } };
}

const close = (date: string): MarketEvent => ({ kind: 'dayClose', date, time: at });

async function eventCount(db: Awaited<ReturnType<typeof openMarketDb>>['db']): Promise<number> {
  const [row] = await db
    .selectFrom('market_events')
    .select((eb) => eb.fn.countAll().as('count'))
    .execute();
  return Number(row?.count);
}

await onBothDialects(
  'market day closes',
  (makeBackend: () => Promise<StoreBackend> | StoreBackend, dialect: string) => {
    describe(`a trading date is closed once in the log on ${dialect}`, () => {
      let backend: StoreBackend;
      before(async () => {
        backend = await makeBackend();
      });
      after(() => backend.dispose());

      test('a second close of one date fails its whole batch, whichever log writes it', async (t: TestContext) => {
        const opened = await openMarketDb(await backend.freshTarget());
        t.after(() => opened.close());
        await createMarketLog(opened.db).append({ events: [trade(1), close('2023-01-31')] });
        // Another process's log, which has not heard of the first close.
        await assert.rejects(createMarketLog(opened.db).append({ events: [trade(2), close('2023-01-31')] }));
        assert.equal(await eventCount(opened.db), 2, 'the refused batch wrote nothing');
        await createMarketLog(opened.db).append({ events: [close('2023-02-01')] });
        assert.equal(await eventCount(opened.db), 3);
      });
    });
  },
);

// The lease itself is PostgreSQL's (SQLite's one process is the engine); the same skip policy as the dialect suites.
await onBothDialects('engine lease', (makeBackend, dialect) => {
  if (dialect !== 'PostgreSQL') return;
  describe('the engine lease fences out an engine that lost it', () => {
    let backend: StoreBackend;
    before(async () => {
      backend = await makeBackend();
    });
    after(() => backend.dispose());

    test('one holder at a time; a takeover after expiry raises the epoch and the old epoch cannot append', async (t) => {
      const opened = await openMarketDb(await backend.freshTarget());
      t.after(() => opened.close());
      const lease = createEngineLeaseStore(opened.db);
      const claim = (holder: string, ttlMs: number) => ({
        holder,
        engineUrl: `http://${holder}`,
        secret: holder,
        ttlMs,
      });
      assert.equal(await lease.read(), null);
      const first = await lease.tryAcquire(claim('a', 60_000));
      assert.equal(first, 1);
      assert.equal(await lease.tryAcquire(claim('b', 60_000)), null, 'a live lease is not taken');
      const stale = createMarketLog(opened.db, Date.now, { epoch: 1 });
      await stale.append({ events: [trade(1)] });
      assert.equal(await lease.renew('a', 1, 1, 1), true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal((await lease.read())?.live, false, 'lapsed');

      const second = await lease.tryAcquire(claim('b', 60_000));
      assert.equal(second, 2);
      assert.equal(await lease.renew('a', 1, 2, 60_000), false, 'the old holder learns it lost the lease');
      await assert.rejects(stale.append({ events: [trade(2)] }), FencedOutError);
      assert.equal(await eventCount(opened.db), 1, 'nothing of the fenced batch was written');
      await createMarketLog(opened.db, Date.now, { epoch: 2 }).append({ events: [trade(2)] });
      assert.equal(await eventCount(opened.db), 2);

      await lease.release('b', 2);
      const view = await lease.read();
      assert.equal(view?.live, false);
      assert.equal(await lease.tryAcquire(claim('c', 60_000)), 3, 'a released lease is taken at once');
    });
  });
});
