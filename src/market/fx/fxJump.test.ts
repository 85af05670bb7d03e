import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FxRateView } from '../book/marketSnapshot.js';
import type { Paisa } from '../money/money.js';
import { FX_JUMP_CONFIRM_PERCENT, fxJumpToConfirm } from './fxJump.js';

const paisa = (rupees: number) => Math.round(rupees * 100) as Paisa;
const LAST: FxRateView = {
  pair: 'USD/PKR',
  market: 'interbank',
  buying: paisa(277.5),
  selling: paisa(277.5),
  previousBuying: paisa(277.4),
  previousSelling: paisa(277.4),
  source: 'SBP',
  time: new Date('2023-01-31T10:00:00Z'),
};
const update = (rupees: number) => ({
  pair: 'USD/PKR',
  market: 'interbank' as const,
  buying: paisa(rupees),
  selling: paisa(rupees),
  time: new Date('2023-01-31T11:00:00Z'),
});

test('a rate 6.9 % off the last one must be confirmed; a small move or a first rate need not', () => {
  const jump = fxJumpToConfirm(LAST, update(296.65));
  assert.ok(jump !== null);
  assert.equal(jump.percent.toFixed(1), '6.9');
  assert.equal(fxJumpToConfirm(LAST, update(258.35))?.percent.toFixed(1), '-6.9');
  assert.equal(fxJumpToConfirm(LAST, update(279)), null);
  assert.equal(fxJumpToConfirm(undefined, update(296.65)), null);
  const edge = 277.5 * (1 + FX_JUMP_CONFIRM_PERCENT / 100);
  assert.equal(fxJumpToConfirm(LAST, update(edge)), null, 'exactly at the threshold is taken');
});
