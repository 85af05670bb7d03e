import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { loadSiteMarket, siteMarket } from '../../src/engine/siteMarket.js';
import type { MarketEvent } from '../../src/market/book/marketEvent.js';
import { paisa } from '../../src/market/money/money.js';
import type { Database } from '../../src/store/database.js';
import { createMarketLog } from '../../src/store/market/marketLog.js';
import { pruneMarketLog } from '../../src/store/market/marketLogPrune.js';
import type { StoreBackend } from '../store/storeBackends.js';
import { run } from '../support/cliProcess.js';
import { onBothDialects, openMarketDb } from './marketBackends.js';

// Three days of log: Friday 27 Jan closed (a checkpoint), Monday 30 Jan closed (the newest checkpoint),
// Tuesday 31 Jan trading. A restart needs Monday's checkpoint and what follows it, nothing older.

const site = siteMarket({ demo: false, now: () => new Date('2023-01-31T06:00:00Z') });

function trade(time: string, seq: number): MarketEvent {
  return {
    kind: 'trade',
    trade: { symbol: 'OGDC', price: paisa(8800 + seq), volume: 100, time: new Date(time), seq, feed: 'psx' },
  };
}

/** Writes the three days through the market log, each day's rows stamped by a clock at that day's close. */
async function writeThreeDays(db: Kysely<Database>): Promise<void> {
  let clock = Date.parse('2023-01-27T11:00:00Z');
  const log = createMarketLog(db, () => clock);
  const state = site.createMarket().exportState();
  await log.append({
    events: [
      trade('2023-01-27T05:00:00Z', 1),
      trade('2023-01-27T06:00:00Z', 2),
      { kind: 'dayClose', date: '2023-01-27', time: new Date('2023-01-27T10:45:00Z') },
    ],
    checkpoints: [{ afterIndex: 2, state, reason: 'dayClose' }],
  });
  clock = Date.parse('2023-01-30T11:00:00Z');
  await log.append({
    events: [
      trade('2023-01-30T05:00:00Z', 3),
      { kind: 'dayClose', date: '2023-01-30', time: new Date('2023-01-30T10:45:00Z') },
    ],
    checkpoints: [{ afterIndex: 1, state, reason: 'dayClose' }],
  });
  clock = Date.parse('2023-01-31T05:00:00Z');
  await log.append({ events: [trade('2023-01-31T04:30:00Z', 4), trade('2023-01-31T04:40:00Z', 5)] });
}

/** The log's events by kind and seq, in order (a run row's trades one by one). */
async function kindsLeft(db: Kysely<Database>): Promise<string[]> {
  const kinds = [];
  for await (const { event } of createMarketLog(db).eventsAfter(0)) {
    kinds.push(event.kind === 'trade' ? `trade#${event.trade.seq}` : event.kind);
  }
  return kinds;
}

const karachiMidnight = (date: string) => Date.parse(`${date}T00:00:00+05:00`);

await onBothDialects('market log prune', (makeBackend: () => Promise<StoreBackend> | StoreBackend, dialect: string) => {
  describe(`market log prune on ${dialect}`, () => {
    let backend: StoreBackend;
    before(async () => {
      backend = await makeBackend();
    });
    after(() => backend.dispose());

    test('a log without a checkpoint keeps everything', async (t) => {
      const { db, close } = await openMarketDb(await backend.freshTarget());
      t.after(close);
      await createMarketLog(db).append({ events: [trade('2023-01-27T05:00:00Z', 1)] });
      assert.deepEqual(await pruneMarketLog(db, { beforeMs: karachiMidnight('2023-02-01') }), {
        outcome: 'noCheckpoint',
      });
      assert.deepEqual(await kindsLeft(db), ['trade#1']);
    });

    test('a date past the newest checkpoint is refused and nothing goes', async (t) => {
      const { db, close } = await openMarketDb(await backend.freshTarget());
      t.after(close);
      await writeThreeDays(db);
      const result = await pruneMarketLog(db, { beforeMs: karachiMidnight('2023-01-31') });
      assert.equal(result.outcome, 'afterCheckpoint');
      assert.equal((await kindsLeft(db)).length, 7);
      assert.equal((await db.selectFrom('market_checkpoints').select('position').execute()).length, 2);
    });

    test('trades before the newest checkpoint go; the market a restart loads is the same', async (t) => {
      const { db, close } = await openMarketDb(await backend.freshTarget());
      t.after(close);
      await writeThreeDays(db);
      const log = createMarketLog(db);
      const beforePrune = (await loadSiteMarket({ log, site })).market.exportState();

      const dry = await pruneMarketLog(db, { beforeMs: karachiMidnight('2023-01-30'), dryRun: true });
      assert.deepEqual(dry, {
        outcome: 'pruned',
        // Rows: trades 1–2 (one run), Friday's close, trade 3, Monday's close.
        checkpoint: { position: 4, createdAt: Date.parse('2023-01-30T11:00:00Z') },
        events: 2,
        checkpoints: 1,
        dryRun: true,
      });
      assert.equal((await kindsLeft(db)).length, 7);

      const pruned = await pruneMarketLog(db, { beforeMs: karachiMidnight('2023-01-30') });
      assert.deepEqual(pruned, { ...dry, dryRun: false });
      // Friday's trades are gone; its day close (the desk's history) and everything from Monday on stay.
      assert.deepEqual(await kindsLeft(db), ['dayClose', 'trade#3', 'dayClose', 'trade#4', 'trade#5']);
      const checkpoints = await db.selectFrom('market_checkpoints').select('position').execute();
      assert.deepEqual(
        checkpoints.map((row) => Number(row.position)),
        [4],
      );
      assert.deepEqual((await loadSiteMarket({ log: createMarketLog(db), site })).market.exportState(), beforePrune);
      // The log goes on from where it was: positions are never reused.
      await log.append({ events: [trade('2023-01-31T04:50:00Z', 6)] });
      const head = await log.head();
      assert.equal(head, 6);
    });
  });
});

describe('broadsheet market log prune', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'broadsheet-prune-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('prunes a database file, refusing bad dates and dates past the newest checkpoint', async () => {
    const path = join(dir, 'site.sqlite');
    const { db, close } = await openMarketDb({ kind: 'sqlite', path });
    await writeThreeDays(db);
    await close();

    const bad = await run(['market', 'log', 'prune', '--before', '2023-02-30', '--db', path]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--before: .*not a calendar date/);

    const late = await run(['market', 'log', 'prune', '--before', '2023-01-31', '--db', path]);
    assert.equal(late.code, 1);
    assert.match(late.stderr, /reaches past the newest checkpoint .*on or before 2023-01-30\. Nothing was deleted\./);

    const done = await run(['market', 'log', 'prune', '--before', '2023-01-30', '--db', path]);
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /^deleted 2 events and 1 checkpoints before 2023-01-30/);

    const reopened = await openMarketDb({ kind: 'sqlite', path });
    try {
      assert.deepEqual(await kindsLeft(reopened.db), ['dayClose', 'trade#3', 'dayClose', 'trade#4', 'trade#5']);
    } finally {
      await reopened.close();
    }
  });
});
