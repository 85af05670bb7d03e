import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { MarketEvent } from '../../src/market/book/marketEvent.js';
import { paisa } from '../../src/market/money/money.js';
import { openDatabase } from '../../src/store/connect.js';
import { createMarketLog } from '../../src/store/market/marketLog.js';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrate.js';
import type { StoreBackend } from '../store/storeBackends.js';
import { onBothDialects } from './marketBackends.js';

// A log written before migration 0024 (a row per trade) replays and answers the duplicate check as before,
// and the log goes on in runs above it, every (feed, seq) still taken once.

const time = new Date('2023-01-31T05:00:00Z');

function trade(seq: number): MarketEvent {
  return { kind: 'trade', trade: { symbol: 'OGDC', price: paisa(8800 + seq), volume: 100, time, seq, feed: 'psx' } };
}

await onBothDialects('migration 0024', (makeBackend: () => Promise<StoreBackend> | StoreBackend, dialect: string) => {
  describe(`migration 0024 on ${dialect}`, () => {
    let backend: StoreBackend;
    before(async () => {
      backend = await makeBackend();
    });
    after(() => backend.dispose());

    test('a log of one row per trade replays unchanged, and runs written after it keep each seq once', async (t) => {
      const opened = await openDatabase(await backend.freshTarget());
      t.after(() => opened.close());
      const { db } = opened;
      // As an older release left it (the same retries as migrateToLatest against other schemas' churn).
      await migrateUpTo(db, '0023_section_redirects');
      // The rows as the log wrote them before: one per trade, the body an object.
      for (const seq of [1, 2, 3, 7]) {
        await sql`insert into market_events (kind, feed, seq, body_json, event_time, recorded_at)
          values ('trade', 'psx', ${seq}, ${`{"symbol":"OGDC","price":${8800 + seq},"volume":100}`}, ${time.getTime()}, 0)`.execute(
          db,
        );
      }
      await migrateToLatest(db);

      const log = createMarketLog(db);
      const replayed = [];
      for await (const { position, event } of log.eventsAfter(0)) replayed.push({ position, event });
      assert.deepEqual(replayed, [
        { position: 1, event: trade(1) },
        { position: 2, event: trade(2) },
        { position: 3, event: trade(3) },
        { position: 4, event: trade(7) },
      ]);
      assert.deepEqual(await log.knownSeqs('psx', [0, 1, 3, 4, 7, 8]), new Set([1, 3, 7]));

      await assert.rejects(log.append({ events: [trade(4), trade(5), trade(6), trade(7), trade(8)] }), /unique/i);
      await log.append({ events: [trade(4), trade(5), trade(6)] });
      await log.append({ events: [trade(8), trade(9)] });
      const seqs = [];
      const positions = new Set<number>();
      for await (const { position, event } of createMarketLog(db).eventsAfter(0)) {
        seqs.push(event.kind === 'trade' ? event.trade.seq : null);
        positions.add(position);
      }
      assert.deepEqual(seqs, [1, 2, 3, 7, 4, 5, 6, 8, 9]);
      assert.deepEqual(await createMarketLog(db).knownSeqs('psx', [3, 5, 6, 9, 10]), new Set([3, 5, 6, 9]));
      assert.equal(positions.size, 6, 'two run rows after the four old ones');
    });
  });
});
