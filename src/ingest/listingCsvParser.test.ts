import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UnreadableFileError } from './archiveBytes.js';
import { parseConstituentsCsv } from './constituentsCsvParser.js';
import { parseListingCsv } from './listingCsvParser.js';

describe('parseListingCsv', () => {
  test('reads any header case and order, a byte-order mark, thousands separators and percentages', () => {
    const file = parseListingCsv(
      '\uFEFFsector,SYMBOL,Company Name,Shares Outstanding,Free Float (%),LDCP (Rs)\r\n' +
        'Commercial Banks,hbl,"Habib Bank Limited",1466852508,"45.5%",84.2000\r\n' +
        'Cement,LUCK,Lucky Cement Limited,"293,020,588",40,\r\n' +
        ',OGDC,,,,\r\n',
    );
    assert.deepEqual(file.entries, [
      {
        symbol: 'HBL',
        name: 'Habib Bank Limited',
        sector: 'Commercial Banks',
        sharesOutstanding: 1_466_852_508,
        freeFloat: 4550,
        ldcp: 8420,
      },
      {
        symbol: 'LUCK',
        name: 'Lucky Cement Limited',
        sector: 'Cement',
        sharesOutstanding: 293_020_588,
        freeFloat: 4000,
      },
      { symbol: 'OGDC' },
    ]);
    assert.equal(file.rowsRead, 3);
    assert.equal(file.accepted, 3);
    assert.equal(file.rejectedCount, 0);
  });

  test('rejects each wrong row with its line and reason, and keeps the others', () => {
    const file = parseListingCsv(
      [
        'Symbol,Name,Shares,Free float,LDCP',
        'A B,Bad symbol,10,10,1',
        'C,Zero shares,0,10,1',
        'D,Over 100 %,10,100.5,1',
        'E,Three decimals,10,10.125,1',
        'F,Price too fine,10,10,1.005',
        'G,Good,10,10,1',
        'G,Again,20,20,2',
      ].join('\n'),
    );
    assert.deepEqual(
      file.entries.map((entry) => entry.symbol),
      ['G'],
    );
    assert.deepEqual(
      file.rejected.map((problem) => problem.line),
      [2, 3, 4, 5, 6, 8],
    );
    assert.match(file.rejected[0]?.reason ?? '', /not a symbol/);
    assert.match(file.rejected[1]?.reason ?? '', /shares outstanding/);
    assert.match(file.rejected[2]?.reason ?? '', /free float/);
    assert.match(file.rejected[4]?.reason ?? '', /LDCP/);
    assert.match(file.rejected[5]?.reason ?? '', /first row stands/);
  });

  test('a file without a Symbol column cannot be read', () => {
    assert.throws(() => parseListingCsv('Name,Sector\nX,Y\n'), UnreadableFileError);
    assert.throws(() => parseListingCsv(''), UnreadableFileError);
  });
});

describe('parseConstituentsCsv', () => {
  test('members with optional shares and free float', () => {
    const file = parseConstituentsCsv('symbol,index shares,ff\nHBL,"1,000",50\nLUCK,,\nhbl,2,2\n');
    assert.deepEqual(file.members, [
      { line: 2, symbol: 'HBL', shares: 1000, freeFloat: 5000 },
      { line: 3, symbol: 'LUCK' },
    ]);
    assert.equal(file.rejectedCount, 1);
  });
});
