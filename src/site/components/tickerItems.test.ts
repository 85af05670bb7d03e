import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { publishedIndexView } from '../../market/book/snapshotViews.js';
import { publishedTickerItems, stripOrder, type TickerItem } from './tickerItems.js';

function item(key: string): TickerItem {
  return { key, kind: key.startsWith('i:') ? 'index' : 'stock', direction: 'up', ticker: key };
}

test('the strip leads with KSE-100, then the other indices, then the stocks, each in their own order', () => {
  const items = ['s:AVN', 's:OGDC', 'i:BR100', 'i:BR30', 'i:KSE100', 'i:KSE30'].map(item);
  assert.deepEqual(
    stripOrder(items).map((entry) => entry.key),
    ['i:KSE100', 'i:BR100', 'i:BR30', 'i:KSE30', 's:AVN', 's:OGDC'],
  );
});

test('without KSE-100 (a site with its own indices) the indices still lead, in their order', () => {
  const items = ['s:AVN', 'i:ALL', 'i:TOP'].map(item);
  assert.deepEqual(
    stripOrder(items).map((entry) => entry.key),
    ['i:ALL', 'i:TOP', 's:AVN'],
  );
});

test('a published-only KSE-100 leads at its official close, dated; a code the site computes is not shown twice', () => {
  const kse100 = publishedIndexView(
    { code: 'KSE100', name: 'KSE-100 Index' },
    { date: '2024-08-05', close: 7_796_586 },
    { close: 7_842_744 },
  );
  const brx = publishedIndexView({ code: 'BRX', name: 'Blue Chips' }, { date: '2024-08-05', close: 1_000_000 }, null);
  const snapshot: MarketSnapshot = { version: 1, asOf: new Date(0), quotes: [], indices: [brx], fx: [] };
  const published = publishedTickerItems(snapshot, [
    { view: kse100, date: '2024-08-05' },
    { view: brx, date: '2024-08-05' },
  ]);
  assert.deepEqual(
    published.map((entry) => [entry.key, entry.official?.date]),
    [['i:KSE100', '2024-08-05']],
  );
  assert.equal(published[0]?.direction, 'down');
  assert.equal(stripOrder([...['s:OGDC', 'i:BRX'].map(item), ...published])[0]?.key, 'i:KSE100');
});
