import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { looksLikeClosingFile, parseClosingFile } from './closingFileParser.js';

const fixture = readFileSync(new URL('../../test/market/fixtures/closing11.lis', import.meta.url)).toString('latin1');

test('the closing file fixture: traded rows taken, futures and untraded skipped, bad rows rejected with lines', () => {
  assert.ok(looksLikeClosingFile(fixture));
  const file = parseClosingFile(fixture);
  assert.equal(file.date, '2021-12-31');
  assert.equal(file.rowsRead, 7);
  assert.deepEqual(
    file.rows.map((r) => [r.line, r.symbol, r.name, r.open, r.high, r.low, r.close, r.volume, r.ldcp]),
    [
      [1, 'OGDC', 'Oil & Gas Dev.', 8420, 8730, 8415, 8620, 3368560, 8494],
      [2, 'HUBC', 'Hub Power Co.', 7010, 7100, 6980, 7055, 1250000, 7001],
      [3, 'NESTLE', 'Nestlé Pakistan', 560000, 565000, 559000, 562050, 120, 560100],
    ],
  );
  assert.deepEqual(
    file.skipped.map((p) => [p.line, p.reason]),
    [
      [4, 'OGDC-JAN: futures contract'],
      [5, 'KOHE: not traded (no volume); previous close 32.00 kept'],
    ],
  );
  assert.deepEqual(file.untraded, [
    { line: 5, date: '2021-12-31', symbol: 'KOHE', sector: '0816', name: 'Kohinoor Energy', close: 3200 },
  ]);
  assert.deepEqual(file.warnings, []);
  assert.deepEqual(
    file.rejected.map((p) => [p.line, p.reason]),
    [
      [6, 'BADX: high is below low'],
      [7, 'expected at least 10 fields, found 4'],
    ],
  );
});

test('a repeated symbol and a row of another date are rejected', () => {
  const file = parseClosingFile(
    [
      '31DEC2021|OGDC|0820|OGDC|84.20|87.30|84.15|86.20|100|84.94|||',
      '31DEC2021|OGDC|0820|OGDC|84.20|87.30|84.15|86.20|100|84.94|||',
      '30DEC2021|PPL|0820|PPL|70.00|71.00|69.00|70.50|100|70.00|||',
      '31XYZ2021|PSO|0820|PSO|70.00|71.00|69.00|70.50|100|70.00|||',
    ].join('\n'),
  );
  assert.deepEqual(
    file.rejected.map((p) => p.reason),
    [
      'OGDC: listed again (first on line 1)',
      'PPL: dated 2021-12-30, the file is for 2021-12-31',
      'date "31XYZ2021" is not DDMONYYYY',
    ],
  );
});

test('real-shaped rows: untraded, OPEN 0, CLOSE outside the range, futures, four decimals, BOM, lower case; every row accounted for', () => {
  const lines = [
    '\uFEFF02JAN2024|ogdc|0820|Oil & Gas Dev.|0.00|115.90|112.10|115.20|4512330|113.05|||',
    '02JAN2024|HUBC|0816|Hub Power Co.|120.5000|122.0000|119.7500|121.1000|2100000|120.0000|||',
    '02JAN2024|PSO|0820|Pakistan State Oil|180.00|182.00|179.00|183.40|900000|181.00|||',
    '02JAN2024|KOHE|0816|Kohinoor Energy|0.00|0.00|0.00|31.50|0|31.50|||',
    '02JAN2024|ENGRO|0816|Engro Corp|0.00|0.00|0.00|255.00|0|270.00|||',
    '02JAN2024|ZTL|0816|Zero Close|0.00|0.00|0.00|0.00|0|0.00|||',
    '02JAN2024|OGDC-JAN|40|OGDC JAN|116.00|117.00|115.00|116.50|1000|115.00|||',
    '02JAN2024|PPL|0820|Pakistan Petroleum|0.00|0.00|0.00|90.00|5000|89.00|||',
    '02JAN2024|MARI|0820|Mari|1500.1234|1510.00|1490.00|1505.00|100|1500.00|||',
    '02JAN2024|LUCK|0812|Lucky Cement|700.00|690.00|710.00|700.00|100|700.00|||',
    '02JAN2024|SHORT|0820|Too few',
  ];
  const file = parseClosingFile(lines.join('\r\n'));
  assert.equal(file.date, '2024-01-02');
  assert.equal(file.rowsRead, 11);
  assert.deepEqual(
    file.rows.map((r) => [r.symbol, r.open, r.high, r.low, r.close, r.ldcp, r.openEstimated ?? false]),
    [
      ['OGDC', 11305, 11590, 11210, 11520, 11305, true],
      ['HUBC', 12050, 12200, 11975, 12110, 12000, false],
      ['PSO', 18000, 18200, 17900, 18340, 18100, false],
    ],
  );
  assert.deepEqual(
    file.untraded.map((r) => [r.symbol, r.close]),
    [
      ['KOHE', 3150],
      ['ENGRO', 25500],
    ],
  );
  assert.deepEqual(
    file.skipped.map((p) => [p.line, p.reason]),
    [
      [4, 'KOHE: not traded (no volume); previous close 31.50 kept'],
      [5, 'ENGRO: not traded (no volume); previous close 255.00 kept (adjusted from LDCP 270.00)'],
      [6, 'ZTL: not traded (no volume), and no previous close given'],
      [7, 'OGDC-JAN: futures contract'],
    ],
  );
  assert.deepEqual(
    file.warnings.map((p) => [p.line, p.reason]),
    [
      [1, "OGDC: OPEN not given; taken as 113.05 (the LDCP, held within the day's range)"],
      [3, "PSO: CLOSE 183.40 lies outside the day's range 179.00–182.00; kept as the exchange's official close"],
    ],
  );
  assert.deepEqual(
    file.rejected.map((p) => [p.line, p.reason]),
    [
      [8, 'PPL: high and low must be above zero'],
      [9, 'MARI: OPEN "1500.1234" is not a rupee amount to the paisa'],
      [10, 'LUCK: high is below low'],
      [11, 'expected at least 10 fields, found 4'],
    ],
  );
  assert.equal(file.rows.length + file.skippedCount + file.rejectedCount, file.rowsRead);
});

test("a missing OPEN outside the day's range is held to its nearest edge", () => {
  const file = parseClosingFile('02JAN2024|OGDC|0820|OGDC|0|115.90|114.10|115.20|100|113.05|||');
  assert.equal(file.rows[0]?.open, 11410);
});
