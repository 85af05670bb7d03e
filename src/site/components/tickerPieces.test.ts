import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tickerPieces } from './tickerPieces.js';

test('splits stock and index lines as the reference ticker writes them', () => {
  assert.deepEqual(tickerPieces('AVN 64.80 Increased By ▲ 0.63 (0.98%)'), {
    symbol: 'AVN',
    price: '64.80',
    move: 'Increased By ▲',
    change: '0.63',
    percent: '(0.98%)',
  });
  assert.deepEqual(tickerPieces('CNERGY 3.87 Decreased By ▼ -0.02 (-0.51%)')?.change, '-0.02');
  assert.deepEqual(tickerPieces('XYZ 1.00 No Change ▼ 0.00 (0%)')?.move, 'No Change ▼');
  assert.deepEqual(tickerPieces('KSE100 40,673 Increased By 801.8 (2.01%)'), {
    symbol: 'KSE100',
    price: '40,673',
    move: 'Increased By',
    change: '801.8',
    percent: '(2.01%)',
  });
  assert.equal(tickerPieces('garbage'), null);
});
