import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { UnreadableFileError } from './archiveBytes.js';
import { parseHistoryCsv } from './historyCsvParser.js';

const fixturePath = new URL('../../test/market/fixtures/KSE100 Historical Data.csv', import.meta.url);

describe('parseHistoryCsv', () => {
  test('the newest-first, quoted-thousands export: five days taken (a close outside the range kept), one bad row apart', () => {
    const file = parseHistoryCsv(readFileSync(fixturePath, 'utf8'), { fileName: fileURLToPath(fixturePath) });
    assert.equal(file.symbol, 'KSE100');
    assert.equal(file.order, 'newest-first');
    assert.equal(file.rowsRead, 6);
    assert.deepEqual(file.bars[0], {
      line: 2,
      date: '2024-08-05',
      open: 7842744,
      high: 7850837,
      low: 7705038,
      close: 7796586,
      volume: 350_450,
    });
    assert.deepEqual(
      file.bars.map((b) => [b.date, b.volume]),
      [
        ['2024-08-05', 350_450],
        ['2024-08-02', 1_200_000],
        ['2024-08-01', 410_000],
        ['2024-07-31', 0],
        ['2024-07-30', 300_000],
      ],
    );
    assert.deepEqual(
      file.rejected.map((r) => [r.line, r.reason]),
      [[7, 'open "n/a" is not a number to the hundredth']],
    );
    assert.deepEqual(
      file.warnings.map((r) => [r.line, r.reason]),
      [[6, "2024-07-30: close lies outside the day's range; kept as published"]],
    );
  });

  test('ISO and slash dates, oldest first, plain volumes; slash dates month first unless a day above 12 says otherwise', () => {
    const us = parseHistoryCsv(
      'Date,Open,High,Low,Close,Volume\n08/01/2024,10,11,9,10.5,100\n08/02/2024,10.5,12,10,11,"3,368,560"\n',
      {
        symbol: 'ogdc',
      },
    );
    assert.equal(us.symbol, 'OGDC');
    assert.equal(us.slashDates, 'month-first');
    assert.deepEqual(
      us.bars.map((b) => [b.date, b.volume]),
      [
        ['2024-08-01', 100],
        ['2024-08-02', 3_368_560],
      ],
    );
    const dayFirst = parseHistoryCsv('Date,Open,High,Low,Close\n13/08/2024,10,11,9,10\n02/08/2024,10,11,9,10\n', {
      symbol: 'X',
    });
    assert.equal(dayFirst.slashDates, 'day-first');
    assert.deepEqual(
      dayFirst.bars.map((b) => b.date),
      ['2024-08-13', '2024-08-02'],
    );
    const iso = parseHistoryCsv(
      'date,open,high,low,close\n2024-08-02,1,1,1,1\n2024-08-02,1,1,1,1\n2024-02-30,1,1,1,1\n',
      { symbol: 'X' },
    );
    assert.deepEqual(
      iso.rejected.map((r) => r.reason),
      ['2024-08-02 appears twice (first on line 2)', 'date "2024-02-30" is not a date'],
    );
  });

  test('index history: open outside the range and a missing open kept (marked), untraded days skipped, impossible rows rejected', () => {
    const file = parseHistoryCsv(
      [
        '\uFEFFdate,open,high,low,close,vol.',
        '2024-08-01,78000.0000,78100,77500,78050,100',
        '2024-08-02,0,78300,77900,78200,100',
        '2024-08-03,77000,78400,78100,78300,100',
        '2024-08-04,0,0,0,78300,0',
        '2024-08-05,-1,1,-2,1,0',
        '2024-08-06,5,6,7,5.5,0',
        '2024-08-07,78300.123,78400,78200,78300,0',
      ].join('\r\n'),
      { symbol: 'kse100' },
    );
    assert.equal(file.symbol, 'KSE100');
    assert.deepEqual(
      file.bars.map((b) => [b.date, b.open, b.close, b.openEstimated ?? false]),
      [
        ['2024-08-01', 7_800_000, 7_805_000, false],
        ['2024-08-02', 7_805_000, 7_820_000, true],
        ['2024-08-03', 7_700_000, 7_830_000, false],
      ],
    );
    assert.deepEqual(
      file.skipped.map((r) => [r.line, r.reason]),
      [[5, '2024-08-04: not traded (open, high and low 0)']],
    );
    assert.deepEqual(
      file.warnings.map((r) => [r.line, r.reason]),
      [[3, "2024-08-02: open not given; taken as 78050.00 (the previous close in the file, else the day's close)"]],
    );
    assert.deepEqual(
      file.rejected.map((r) => [r.line, r.reason]),
      [
        [6, 'a figure is negative'],
        [7, 'high is below low'],
        [8, 'open "78300.123" is not a number to the hundredth'],
      ],
    );
    assert.equal(file.bars.length + file.skippedCount + file.rejectedCount, file.rowsRead);
    assert.throws(() => parseHistoryCsv('Date,Open,High,Low,Close\n2024-08-01,1,1,1,1\n'), UnreadableFileError);
    assert.throws(() => parseHistoryCsv('Date,Open,High,Low\n2024-08-01,1,1,1\n', { symbol: 'X' }), /no close column/);
  });
});
