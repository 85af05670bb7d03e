import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripOrder, type TickerItem } from './tickerItems.js';

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
