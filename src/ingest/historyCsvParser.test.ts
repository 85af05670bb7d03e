import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { UnreadableFileError } from './archiveBytes.js';
import { parseHistoryCsv } from './historyCsvParser.js';

const fixturePath = new URL('../../test/market/fixtures/KSE100 Historical Data.csv', import.meta.url);

describe('parseHistoryCsv', () => {
  test('the newest-first, quoted-thousands export: four days taken, two bad rows kept apart', () => {
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
      ],
    );
    assert.deepEqual(
      file.rejected.map((r) => [r.line, r.reason]),
      [
        [6, 'high is below open or close'],
        [7, 'open "n/a" is not a number with at most two decimals'],
      ],
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

  test('zero or negative open, low above close: rejected; no symbol or no close column: unreadable', () => {
    const file = parseHistoryCsv(
      'Date,Open,High,Low,Close\n2024-08-01,0,1,0,1\n2024-08-02,-1,1,-2,1\n2024-08-03,5,6,5.5,5.2\n',
      { symbol: 'X' },
    );
    assert.deepEqual(
      file.rejected.map((r) => r.reason),
      ['open must be above zero', 'open must be above zero', 'low is above open or close'],
    );
    assert.throws(() => parseHistoryCsv('Date,Open,High,Low,Close\n2024-08-01,1,1,1,1\n'), UnreadableFileError);
    assert.throws(() => parseHistoryCsv('Date,Open,High,Low\n2024-08-01,1,1,1\n', { symbol: 'X' }), /no close column/);
  });
});
