import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { run } from '../support/cliProcess.js';
import { openMarketDb } from './marketBackends.js';

// The offline market commands write the market log of a database no server runs on. The database records no mode,
// so each of them needs --no-demo, as `market listing` always did (docs/market-desk.md).

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-offline-demo-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const closing = join(fixtures, 'closing11.lis');
const history = join(fixtures, 'KSE100 Historical Data.csv');

const listing = join(dir, 'listing.csv');
writeFileSync(
  listing,
  [
    'Symbol,Name,Sector,Shares outstanding,Free float %,LDCP',
    'OGDC,Oil & Gas Development Company Limited,Oil & Gas Exploration Companies,4300928400,15,120.00',
    'HUBC,The Hub Power Company Limited,Power Generation & Distribution,1297154387,60,70.00',
  ].join('\n'),
);
const members = join(dir, 'members.csv');
writeFileSync(members, 'Symbol,Shares,Free float\nOGDC,4300928400,15\nHUBC,1297154387,60\n');

/** Every market row a command could add: logged events, checkpoints, daily bars. */
async function marketRows(db: string): Promise<number[]> {
  const opened = await openMarketDb({ kind: 'sqlite', path: db });
  try {
    return [
      (await opened.db.selectFrom('market_events').selectAll().execute()).length,
      (await opened.db.selectFrom('market_checkpoints').selectAll().execute()).length,
      (await opened.db.selectFrom('daily_bars').selectAll().execute()).length,
    ];
  } finally {
    await opened.close();
  }
}

const REFUSAL =
  /is for a real site: run it with --no-demo \(or BROADSHEET_DEMO=false\), as the database is served with `broadsheet serve --no-demo`; a demo site takes it through --server\. Nothing was changed/;

describe('offline market commands on the demo settings', () => {
  test('each command that changes the market on the database refuses without --no-demo, and changes nothing', async () => {
    const db = join(dir, 'real.sqlite');
    const listed = await run(['market', 'listing', listing, '--db', db, '--no-demo']);
    assert.equal(listed.code, 0, listed.stderr);
    const created = await run([
      'market',
      'index',
      'create',
      'KSE100',
      '--name',
      'KSE-100 Index',
      '--base-value',
      '1000',
      '--db',
      db,
      '--no-demo',
    ]);
    assert.equal(created.code, 0, created.stderr);
    const rows = await marketRows(db);
    const refusals: [readonly string[], RegExp][] = [
      [['market', 'import', closing], /a closing file on the database/],
      [
        [
          'market',
          'index',
          'create',
          'PAPER10',
          '--name',
          'Paper 10',
          '--base-value',
          '1000',
          '--constituents',
          members,
        ],
        /`broadsheet market index create` on the database/,
      ],
      [
        ['market', 'index', 'constituents', 'KSE100', members],
        /`broadsheet market index constituents` on the database/,
      ],
      [['market', 'index', 'withdraw', 'KSE100'], /`broadsheet market index withdraw` on the database/],
      [['market', 'index', 'import', 'KSE100', history], /`broadsheet market index import` on the database/],
      [['market', 'index', 'list'], /`broadsheet market index list` on the database/],
      [['market', 'listing', listing], /a listing file/],
    ];
    for (const [args, subject] of refusals) {
      const refused = await run([...args, '--db', db]);
      assert.equal(refused.code, 1, `${args.join(' ')}: ${refused.stderr}`);
      assert.match(refused.stderr, subject);
      assert.match(refused.stderr, REFUSAL);
      assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
      assert.deepEqual(await marketRows(db), rows, `${args.join(' ')} changed the database`);
    }
    // The mode, not the command, was refused: with --no-demo the same change is made.
    const withdrawn = await run(['market', 'index', 'withdraw', 'KSE100', '--db', db, '--no-demo']);
    assert.equal(withdrawn.code, 0, withdrawn.stderr);
    assert.notDeepEqual(await marketRows(db), rows);
  });

  test('a closing file on a fresh database is refused without --no-demo before the demo market is seeded', async () => {
    const db = join(dir, 'fresh.sqlite');
    const refused = await run(['market', 'import', closing, '--db', db, '--json']);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match((JSON.parse(refused.stdout) as { error: string }).error, REFUSAL);
    assert.deepEqual(await marketRows(db), [0, 0, 0], 'the demo market was seeded');
  });

  test("a history CSV adds published daily bars under no market's rules: accepted either way", async () => {
    const db = join(dir, 'history.sqlite');
    const imported = await run(['market', 'import', history, '--db', db]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual(await marketRows(db), [0, 0, 5], 'only the five accepted daily bars');
  });
});
