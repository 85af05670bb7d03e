import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createApp } from '../../src/app.js';
import { siteMarket, siteMarketRules } from '../../src/engine/siteMarket.js';
import type { Market } from '../../src/market/book/market.js';
import { openDatabase } from '../../src/store/connect.js';
import { createMarketLog } from '../../src/store/market/marketLog.js';
import { run } from '../support/cliProcess.js';
import { testServeConfig } from '../support/serveConfig.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-site-market-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const closing = new URL('./fixtures/closing11.lis', import.meta.url).pathname;

/** What a market runs by, as opposed to what it holds. */
function rulesOf(market: Market) {
  return {
    priceBand: market.priceBand,
    haltRule: market.haltRule,
    closingRule: market.closingRule,
    enforceSessions: market.enforceSessions,
    calendar: market.calendar,
  };
}

async function checkpointCalendar(db: string) {
  const opened = await openDatabase({ kind: 'sqlite', path: db });
  try {
    const checkpoint = await createMarketLog(opened.db).latestCheckpoint();
    assert.ok(checkpoint, 'the import wrote a checkpoint');
    return checkpoint.state.calendar;
  } finally {
    await opened.close();
  }
}

describe("the site's market is set up in one place", () => {
  const now = () => new Date('2022-01-03T05:00:00Z');

  test("the demo site and a site without the demo each take their mode's rules", () => {
    for (const demo of [true, false]) {
      assert.deepEqual(rulesOf(siteMarket({ demo, now }).createMarket()), {
        calendar: undefined,
        enforceSessions: false,
        ...siteMarketRules({ demo }),
      });
    }
  });

  // Offline, a closing file needs --no-demo (test/market/offlineDemoRefusal.test.ts); a demo site takes one through
  // its own desk (--server), on the market it runs.
  test("a site without the demo: the importer lays a day over a market with the running app's rules", async () => {
    const expected = rulesOf(siteMarket({ demo: false, now }).createMarket());
    const db = join(dir, 'plain.sqlite');
    const imported = await run(['market', 'import', closing, '--db', db, '--no-demo']);
    assert.equal(imported.code, 0, imported.stderr);
    // A market keeps its calendar in the state it exports: the importer's shows which rules it ran under.
    assert.deepEqual(await checkpointCalendar(db), expected.calendar);

    const app = await createApp(testServeConfig(db, { demo: 'false' }), { now });
    try {
      assert.deepEqual(rulesOf(app.market), expected);
      assert.ok(app.market.snapshot().quotes.some((quote) => quote.symbol === 'HUBC'));
    } finally {
      await app.stop();
    }
  });
});
