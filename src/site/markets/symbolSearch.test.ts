import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exactMatch, type SearchEntry, searchEntries } from './symbolSearch.js';

const ENTRIES: SearchEntry[] = [
  { kind: 'stock', code: 'DGKC', name: 'D.G. Khan Cement Company Limited' },
  { kind: 'stock', code: 'FCCL', name: 'Fauji Cement Company Limited' },
  { kind: 'stock', code: 'HUBC', name: 'The Hub Power Company Limited' },
  { kind: 'stock', code: 'HUMNL', name: 'Hum Network Limited' },
  { kind: 'index', code: 'KSE100', name: 'KSE-100 Index' },
];

test('an exact code matches in any case', () => {
  assert.equal(exactMatch(ENTRIES, ' hubc ')?.code, 'HUBC');
  assert.equal(exactMatch(ENTRIES, 'kse100')?.kind, 'index');
  assert.equal(exactMatch(ENTRIES, 'HUB'), undefined);
});

test('code prefixes come first, then names by word start', () => {
  assert.deepEqual(
    searchEntries(ENTRIES, 'hu', 10).map((e) => e.code),
    ['HUBC', 'HUMNL'],
  );
  assert.deepEqual(
    searchEntries(ENTRIES, 'cement', 10).map((e) => e.code),
    ['DGKC', 'FCCL'],
  );
  assert.deepEqual(
    searchEntries(ENTRIES, 'hub power', 10).map((e) => e.code),
    ['HUBC'],
  );
  assert.deepEqual(
    searchEntries(ENTRIES, 'company', 2).map((e) => e.code),
    ['DGKC', 'FCCL'],
  );
  assert.deepEqual(searchEntries(ENTRIES, '  ', 10), []);
  assert.deepEqual(searchEntries(ENTRIES, 'ement', 10), [], 'the middle of a word does not match');
});

test('punctuation alone, or a script no name is written in, matches nothing rather than everything', () => {
  for (const query of ['پاکستان', '.', '%', '-', '_', '"', '…', '—', '.-.']) {
    assert.deepEqual(searchEntries(ENTRIES, query, 10), [], JSON.stringify(query));
  }
  assert.deepEqual(
    searchEntries(ENTRIES, 'd.g. khan', 10).map((e) => e.code),
    ['DGKC'],
    'punctuation inside a query still reads as a space',
  );
  assert.deepEqual(
    searchEntries(ENTRIES, 'kse-100', 10).map((e) => e.code),
    ['KSE100'],
  );
});
