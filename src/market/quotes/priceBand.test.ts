import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paisa } from '../money/money.js';
import { priceBand } from './priceBand.js';

const tick = paisa(1);

test('10 % of LDCP when that is more than Rs 1', () => {
  assert.deepEqual(priceBand(paisa(6417), tick), { lower: 5776, upper: 7058 }); // 641.7 → 641 paisa
  assert.deepEqual(priceBand(paisa(10000), tick), { lower: 9000, upper: 11000 });
});

test('Rs 1 when 10 % is less (HUMNL rose 10.16 % from 9.35)', () => {
  assert.deepEqual(priceBand(paisa(935), tick), { lower: 835, upper: 1035 });
  assert.ok(1030 <= priceBand(paisa(935), tick).upper);
});

test('the lower edge never falls below one tick', () => {
  assert.deepEqual(priceBand(paisa(89), tick), { lower: 1, upper: 189 });
});

test('percentage and minimum are parameters', () => {
  const old = { percentBasisPoints: 750, minimumWidth: paisa(100) };
  assert.deepEqual(priceBand(paisa(10000), tick, old), { lower: 9250, upper: 10750 });
  const wide = { percentBasisPoints: 500, minimumWidth: paisa(300) };
  assert.deepEqual(priceBand(paisa(2000), tick, wide), { lower: 1700, upper: 2300 });
});

test('the width is whole ticks, rounded down', () => {
  assert.deepEqual(priceBand(paisa(10_049), paisa(5)), { lower: 9049, upper: 11_049 });
  assert.deepEqual(priceBand(paisa(12_345), paisa(10)), { lower: 11_115, upper: 13_575 });
});
