import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { loadSiteMarket, siteMarket } from '../../src/engine/siteMarket.js';
import { FileTooLargeError, UnreadableFileError } from '../../src/ingest/archiveBytes.js';
import { MAX_LISTED_PROBLEMS } from '../../src/ingest/importRows.js';
import { parseImportBytes, readImportFile, storeImport } from '../../src/ingest/marketImport.js';
import { listDailyBars } from '../../src/store/market/marketInstruments.js';
import { createMarketStore } from '../../src/store/market/marketStore.js';
import { run, serve } from '../support/cliProcess.js';
import { zerosGzip, zerosZip } from './bombFixture.js';
import { openMarketDb } from './marketBackends.js';
import { zipOf } from './zipFixture.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const closing = readFileSync(join(fixtures, 'closing11.lis'));
const history = join(fixtures, 'KSE100 Historical Data.csv');

/** A refused import stored nothing: the database holds no daily bars and no market checkpoint. */
async function assertNothingStored(path: string): Promise<void> {
  const opened = await openMarketDb({ kind: 'sqlite', path });
  try {
    assert.equal((await opened.db.selectFrom('daily_bars').selectAll().execute()).length, 0);
    assert.equal((await opened.db.selectFrom('market_checkpoints').selectAll().execute()).length, 0);
  } finally {
    await opened.close();
  }
}

describe('broadsheet market import', () => {
  test('a closing file, plain, zipped or gzipped, reports the same rows; serve --no-demo then shows exactly that day', async () => {
    const packed = {
      'closing11.lis': closing,
      '2021-12-31.Z': zipOf('closing11.lis', closing),
      '2021-12-31.gz': gzipSync(closing),
    };
    // The CLI reads the ZIP (as the exchange serves it); the other packings go through the same functions in-process.
    const reports: Record<string, unknown>[] = [];
    for (const [name, bytes] of Object.entries(packed)) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const db = join(dir, `${name}.sqlite`);
      if (name.endsWith('.Z')) {
        const result = await run(['market', 'import', file, '--json', '--db', db, '--no-demo']);
        assert.equal(result.code, 0, result.stderr);
        reports.push(JSON.parse(result.stdout) as Record<string, unknown>);
      } else {
        const opened = await openMarketDb({ kind: 'sqlite', path: db });
        try {
          const now = new Date();
          const site = siteMarket({ demo: false, now: () => now });
          const report = await storeImport(createMarketStore(opened.db), await readImportFile({ path: file }), {
            site,
            now,
          });
          reports.push(JSON.parse(JSON.stringify(report)) as Record<string, unknown>);
        } finally {
          await opened.close();
        }
      }
    }
    assert.deepEqual(
      reports.map((r) => r.packing),
      ['plain', 'zip', 'gzip'],
    );
    const plain = reports[0] as Record<string, unknown>;
    assert.equal(reports[1]?.entry, 'closing11.lis');
    const essentials = (r: Record<string, unknown>) => ({
      ...r,
      file: undefined,
      packing: undefined,
      entry: undefined,
    });
    for (const report of reports) assert.deepEqual(essentials(report), essentials(plain));
    assert.deepEqual(
      { ...plain, skipped: undefined, rejected: undefined },
      {
        format: 'closing',
        file: 'closing11.lis',
        packing: 'plain',
        date: '2021-12-31',
        rowsRead: 7,
        accepted: 3,
        skipped: undefined,
        skippedCount: 2,
        rejected: undefined,
        rejectedCount: 2,
        warnings: [],
        warningCount: 0,
      },
    );
    assert.deepEqual(
      (plain.rejected as { line: number }[]).map((r) => r.line),
      [6, 7],
    );
    assert.deepEqual(
      (plain.skipped as { line: number; reason: string }[]).map((r) => r.reason),
      ['OGDC-JAN: futures contract', 'KOHE: not traded (no volume); previous close 32.00 kept'],
    );

    const db = join(dir, 'closing11.lis.sqlite');
    const site = await serve(['--db', db, '--no-demo']);
    try {
      const body = (await (await fetch(`${site.address}/api/v1/market/quotes`)).json()) as {
        quotes: Record<string, unknown>[];
      };
      const pick = (q: Record<string, unknown>) => [
        q.symbol,
        q.name,
        q.sector,
        q.last,
        q.ldcp,
        q.change,
        q.open,
        q.high,
        q.low,
        q.volume,
        q.time,
      ];
      assert.deepEqual(body.quotes.map(pick), [
        [
          'HUBC',
          'Hub Power Co.',
          '0816',
          '70.55',
          '70.01',
          '0.54',
          '70.10',
          '71.00',
          '69.80',
          1250000,
          '2021-12-31T10:30:00.000Z',
        ],
        [
          'NESTLE',
          'Nestlé Pakistan',
          '0811',
          '5620.50',
          '5601.00',
          '19.50',
          '5600.00',
          '5650.00',
          '5590.00',
          120,
          '2021-12-31T10:30:00.000Z',
        ],
        [
          'OGDC',
          'Oil & Gas Dev.',
          '0820',
          '86.20',
          '84.94',
          '1.26',
          '84.20',
          '87.30',
          '84.15',
          3368560,
          '2021-12-31T10:30:00.000Z',
        ],
      ]);
      const ticker = (await (await fetch(`${site.address}/api/v1/market/ticker`)).json()) as {
        items: { ticker: string }[];
      };
      assert.ok(
        ticker.items.some((i) => i.ticker === 'OGDC 86.20 Increased By ▲ 1.26 (1.48%)'),
        JSON.stringify(ticker.items),
      );
    } finally {
      site.child.kill('SIGTERM');
      await site.exited;
    }
  });

  test('a history CSV: accepted days stored as daily bars, bad rows reported apart with their lines', async () => {
    const db = join(dir, 'history.sqlite');
    const result = await run(['market', 'import', history, '--json', '--db', db]);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.deepEqual(
      { ...report, rejected: (report.rejected as { line: number; reason: string }[]).map((r) => [r.line, r.reason]) },
      {
        format: 'csv',
        file: 'KSE100 Historical Data.csv',
        packing: 'plain',
        symbol: 'KSE100',
        rowsRead: 6,
        accepted: 5,
        rejectedCount: 1,
        rejected: [[7, 'open "n/a" is not a number to the hundredth']],
        skipped: [],
        skippedCount: 0,
        warnings: [
          {
            line: 6,
            reason: "2024-07-30: close lies outside the day's range; kept as published",
            text: '"30-Jul-24","78,488.22","78,000.00","77,900.00","77,800.00","300K","0.10%"',
          },
        ],
        warningCount: 1,
        firstDate: '2024-07-30',
        lastDate: '2024-08-05',
        order: 'newest-first',
        slashDates: 'none',
      },
    );
    const opened = await openMarketDb({ kind: 'sqlite', path: db });
    try {
      const bars = await listDailyBars(opened.db, 'KSE100');
      assert.deepEqual(
        bars.map((b) => [b.date, b.close, b.volume]),
        [
          ['2024-07-30', 7848822, 300_000],
          ['2024-07-31', 7797843, 0],
          ['2024-08-01', 7859671, 410_000],
          ['2024-08-02', 7842744, 1_200_000],
          ['2024-08-05', 7796586, 350_450],
        ],
      );
    } finally {
      await opened.close();
    }
  });

  test('an unreadable file or format exits 2 and stores nothing', async () => {
    const lzw = join(dir, 'old.Z');
    writeFileSync(lzw, Buffer.from([0x1f, 0x9d, 0x90, 0x33, 0x31]));
    const refused = await run(['market', 'import', lzw, '--db', join(dir, 'refused.sqlite')]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /LZW/);
    await assert.rejects(
      readImportFile({ path: join(dir, 'nope.lis') }),
      (error) => error instanceof UnreadableFileError && /cannot read/.test(error.message),
    );
    const noSymbol = join(dir, 'prices.csv');
    writeFileSync(noSymbol, 'Date,Open,High,Low,Close\n2024-08-01,1,1,1,1\n');
    await assert.rejects(readImportFile({ path: noSymbol }), /pass --symbol/);
    // Nothing was stored by the refused import: its database holds no bars.
    await assertNothingStored(join(dir, 'refused.sqlite'));
  });

  test('a closing file dated after the live trading day is refused offline as the server refuses it, and stores nothing', async () => {
    // A date years ahead is after the live day whatever the calendar and the clock say.
    const future = join(dir, 'closing-2099.lis');
    writeFileSync(future, closing.toString('latin1').replaceAll('31DEC2021', '31DEC2099'), 'latin1');
    for (const mode of [['--no-demo']]) {
      const db = join(dir, `future${mode.join('')}.sqlite`);
      const refused = await run(['market', 'import', future, '--db', db, '--json', ...mode]);
      assert.equal(refused.code, 1, refused.stderr);
      assert.match(refused.stderr, /for 2099-12-31, after the live market's \d{4}-\d{2}-\d{2}/);
      assert.match(refused.stderr, /Nothing was imported/);
      assert.match((JSON.parse(refused.stdout) as { error: string }).error, /after the live market's/);
      await assertNothingStored(db);
    }
  });

  test('market listing on the database needs --no-demo: without it, refused and the demo never seeded', async () => {
    const listing = join(dir, 'listing.csv');
    writeFileSync(
      listing,
      [
        'Symbol,Name,Sector,Shares outstanding,Free float %,LDCP',
        'OGDC,Oil & Gas Development Company Limited,Oil & Gas Exploration Companies,4300928400,15,120.00',
      ].join('\n'),
    );
    const db = join(dir, 'listing.sqlite');
    const marketRows = async () => {
      const opened = await openMarketDb({ kind: 'sqlite', path: db });
      try {
        return [
          (await opened.db.selectFrom('market_events').selectAll().execute()).length,
          (await opened.db.selectFrom('market_checkpoints').selectAll().execute()).length,
        ];
      } finally {
        await opened.close();
      }
    };
    const refused = await run(['market', 'listing', listing, '--db', db]);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /a listing file is for a real site: run it with --no-demo/);
    assert.deepEqual(await marketRows(), [0, 0], 'the demo market was not seeded');
    const listed = await run(['market', 'listing', listing, '--db', db, '--no-demo', '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal((JSON.parse(listed.stdout) as { listed: number }).listed, 1);
    const rows = await marketRows();
    // Run again without --no-demo over a real market, it is refused the same way and changes nothing.
    const again = await run(['market', 'listing', listing, '--db', db]);
    assert.equal(again.code, 1, again.stderr);
    assert.deepEqual(await marketRows(), rows);
    const opened = await openMarketDb({ kind: 'sqlite', path: db });
    try {
      const site = siteMarket({ demo: false, now: () => new Date() });
      const { market } = await loadSiteMarket({ log: createMarketStore(opened.db).log, site });
      assert.deepEqual(
        market.snapshot().quotes.map((quote) => quote.symbol),
        ['OGDC'],
        'no demo stock under the listing',
      );
    } finally {
      await opened.close();
    }
  });

  test('a decompression bomb or a crafted ZIP exits 2 with one line and stores nothing', async () => {
    const files = {
      'bomb.gz': await zerosGzip(),
      'bomb.Z': await zerosZip(),
      'crafted.Z': zipOf('closing11.lis', closing, { directoryOffset: 0xfffffff0 }),
    };
    const db = join(dir, 'bombed.sqlite');
    for (const [name, bytes] of Object.entries(files)) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const refused = await run(['market', 'import', file, '--db', db]);
      assert.equal(refused.code, 2, `${name}: ${refused.stderr}`);
      assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
      assert.match(refused.stderr, name.startsWith('bomb') ? /unpacks to more than/ : /ZIP/);
      assert.doesNotMatch(refused.stderr, /\n\s+at /);
    }
    await assert.rejects(readImportFile({ path: join(dir, 'bomb.gz') }), FileTooLargeError);
    await assertNothingStored(db);
  });

  test('100,000 malformed lines are counted, and only the first of them listed', async () => {
    const bad = '31DEC2021|OGDC|0820|Oil & Gas Dev.|8x.20|87.30|84.15|86.20|3368560|84.94|||\r\n';
    const file = join(dir, 'malformed.lis');
    writeFileSync(file, bad.repeat(100_000), 'latin1');
    // Other work goes on while the file is parsed: the event loop turns between slices of rows.
    let turns = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      turns += 1;
      setImmediate(count);
    };
    setImmediate(count);
    const parsed = await parseImportBytes(readFileSync(file), { path: file });
    counting = false;
    assert.ok(turns >= 50, `the event loop turned ${turns} times during the parse`);
    assert.equal(parsed.format, 'closing');
    if (parsed.format !== 'closing') return;
    assert.equal(parsed.closing.rowsRead, 100_000);
    assert.equal(parsed.closing.rows.length, 0);
    assert.equal(parsed.closing.rejectedCount, 100_000);
    assert.equal(parsed.closing.rejected.length, MAX_LISTED_PROBLEMS);
  });
});
