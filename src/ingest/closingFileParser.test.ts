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
      [5, 'KOHE: not traded (zero prices)'],
    ],
  );
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
