import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../src/store/connect.js';
import { createMarketLog } from '../../src/store/market/marketLog.js';
import { migrateToLatest, migrateUpTo } from '../../src/store/migrate.js';

test('migration 0006 keeps every logged event and position, and the log then takes desk changes', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-desk-migration-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const opened = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'site.sqlite') });
  t.after(() => opened.close());
  // A database as 0005 left it: a log that already holds events.
  await migrateUpTo(opened.db, '0005_moderation_print_media');
  const db = opened.db;
  const log = createMarketLog(db);
  const time = new Date('2023-01-31T06:00:00Z');
  // The rows as the log of that time wrote them (today's log also fills migration 0024's column).
  await sql`insert into market_events (kind, feed, seq, body_json, event_time, recorded_at) values
    ('trade', 'psx', 1, '{"symbol":"AVN","price":6480,"volume":100}', ${time.getTime()}, 0),
    ('fxRate', null, null, '{"pair":"USD/PKR","market":"interbank","buying":26789,"selling":26789}', ${time.getTime()}, 0)`.execute(
    db,
  );
  const refused = await db
    .insertInto('market_events')
    .values({ kind: 'deskChange', feed: null, seq: null, body_json: '{}', event_time: 0, recorded_at: 0 })
    .execute()
    .then(
      () => 'taken',
      () => 'refused',
    );
  assert.equal(refused, 'refused', 'before 0006 the log refuses the new kind');

  await migrateToLatest(opened.db);
  const kept = [];
  for await (const logged of log.eventsAfter(0)) kept.push(logged);
  assert.deepEqual(
    kept.map((logged) => [logged.position, logged.event.kind]),
    [
      [1, 'trade'],
      [2, 'fxRate'],
    ],
  );
  assert.deepEqual(await log.knownSeqs('psx', [1, 2]), new Set([1]), 'the (feed, seq) key survives');
  await log.append({
    events: [
      { kind: 'deskChange', change: { type: 'editCalendar', edit: { type: 'addHoliday', date: '2023-02-06' } }, time },
    ],
  });
  assert.equal(await log.head(), 3);
  const clash = await db
    .insertInto('market_events')
    .values({ kind: 'trade', feed: 'psx', seq: 1, body_json: '{}', event_time: 0, recorded_at: 0 })
    .execute()
    .then(
      () => 'taken',
      () => 'refused',
    );
  assert.equal(clash, 'refused', 'a feed sequence number is still taken once');
  const bogus =
    await sql`insert into market_events (kind, body_json, event_time, recorded_at) values ('bogus', '{}', 0, 0)`
      .execute(opened.db)
      .then(
        () => 'taken',
        () => 'refused',
      );
  assert.equal(bogus, 'refused', 'unknown kinds are still refused');
});
