import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDemoMarket } from '../../demo/market/demoMarket.js';
import { EVERYTHING, parseStreamFilter } from './streamFilter.js';

const snapshot = createDemoMarket(new Date('2023-01-31T13:03:00Z')).snapshot();

describe('parseStreamFilter', () => {
  test('no query is everything', () => {
    const result = parseStreamFilter({}, snapshot);
    assert.ok(result.ok && result.filter === EVERYTHING);
  });

  test('symbols narrow the stocks, case-insensitively, and keep every index unless indices is given', () => {
    const result = parseStreamFilter({ symbols: 'ogdc, HUBC,OGDC,' }, snapshot);
    assert.ok(result.ok);
    assert.equal(result.filter.key, 's=HUBC,OGDC|i=*');
    assert.ok(result.filter.includes('s:OGDC') && result.filter.includes('s:HUBC'));
    assert.ok(!result.filter.includes('s:AVN'));
    assert.ok(result.filter.includes('i:KSE100'));
    // Rates go to the unfiltered stream only.
    assert.ok(!result.filter.includes('f:USD/PKR:interbank') && EVERYTHING.includes('f:USD/PKR:interbank'));

    const noIndices = parseStreamFilter({ symbols: 'HUBC', indices: '' }, snapshot);
    assert.ok(noIndices.ok && !noIndices.filter.includes('i:KSE100') && noIndices.filter.includes('s:HUBC'));
  });

  test('equal asks share a key whatever their order', () => {
    const a = parseStreamFilter({ symbols: 'OGDC,HUBC', indices: 'KSE100' }, snapshot);
    const b = parseStreamFilter({ symbols: 'hubc,ogdc', indices: 'kse100' }, snapshot);
    assert.ok(a.ok && b.ok && a.filter.key === b.filter.key);
  });

  test('unknown names are all reported, by field', () => {
    assert.deepEqual(parseStreamFilter({ symbols: 'OGDC,NOPE', indices: 'KSE999' }, snapshot), {
      ok: false,
      unknown: [
        { field: 'symbols', name: 'NOPE' },
        { field: 'indices', name: 'KSE999' },
      ],
    });
  });
});
