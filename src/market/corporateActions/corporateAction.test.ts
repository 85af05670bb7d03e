import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paisa } from '../money/money.js';
import {
  adjustForAction,
  type CorporateAction,
  corporateActionProblem,
  exPrice,
  indexKeepsLevel,
  sharesAfter,
} from './corporateAction.js';

const exDate = '2023-02-01';
const right = (basisPoints: number, subscription: number): CorporateAction => ({
  type: 'right',
  symbol: 'X',
  exDate,
  rightBasisPoints: basisPoints,
  subscriptionPrice: paisa(subscription),
});

describe('PSX ex-prices (psx-market.md §4.10, the notice’s own examples)', () => {
  test('ex-dividend: 25.00 less a 50 % dividend on Rs 10 face value → 20.00', () => {
    assert.equal(exPrice({ type: 'cashDividend', symbol: 'X', exDate, dividend: paisa(500) }, paisa(2500)), 2000);
  });

  test('ex-bonus: 50.00 with a 25 % bonus → 40.00', () => {
    assert.equal(exPrice({ type: 'bonus', symbol: 'X', exDate, bonusBasisPoints: 2500 }, paisa(5000)), 4000);
  });

  test('ex-right: 75.00 with 20 % right at par 64.17, premium 5 → 65.00, discount 5 → 63.33', () => {
    // (7500 × 100 + 1000 × 20) ÷ 120 = 6416.67 → 6417.
    assert.equal(exPrice(right(2000, 1000), paisa(7500)), 6417);
    assert.equal(exPrice(right(2000, 1500), paisa(7500)), 6500);
    // (750 000 + 10 000) ÷ 120 = 6333.33 → 6333.
    assert.equal(exPrice(right(2000, 500), paisa(7500)), 6333);
  });

  test('split 1 → 10: 123.45 → 12.35 (12.345 rounded half away), shares × 10', () => {
    const split: CorporateAction = { type: 'split', symbol: 'X', exDate, sharesBefore: 1, sharesAfter: 10 };
    assert.deepEqual(adjustForAction(split, paisa(12_345), 1_000), { exPrice: 1235, sharesOutstanding: 10_000 });
  });

  test('shares outstanding: bonus and rights add, dividends do not, fractions are not issued', () => {
    assert.equal(sharesAfter({ type: 'bonus', symbol: 'X', exDate, bonusBasisPoints: 2500 }, 1_000), 1_250);
    assert.equal(sharesAfter({ type: 'bonus', symbol: 'X', exDate, bonusBasisPoints: 1250 }, 1_001), 1_126);
    assert.equal(sharesAfter(right(2000, 1000), 1_000), 1_200);
    assert.equal(sharesAfter({ type: 'cashDividend', symbol: 'X', exDate, dividend: paisa(1) }, 1_000), 1_000);
  });
});

describe('index treatment', () => {
  test('dividends only kept level by a total-return index', () => {
    const dividend: CorporateAction = { type: 'cashDividend', symbol: 'X', exDate, dividend: paisa(500) };
    assert.equal(indexKeepsLevel(dividend, 'total'), true);
    assert.equal(indexKeepsLevel(dividend, 'price'), false);
    assert.equal(indexKeepsLevel(right(2000, 1000), 'price'), true);
  });
});

describe('corporateActionProblem', () => {
  test('refuses impossible actions', () => {
    assert.equal(corporateActionProblem(right(2000, 1000), paisa(7500)), null);
    assert.match(
      corporateActionProblem({ type: 'cashDividend', symbol: 'X', exDate, dividend: paisa(2500) }, paisa(2500)) ?? '',
      /not below/,
    );
    assert.match(corporateActionProblem({ ...right(0, 1000) }, paisa(7500)) ?? '', /right/);
    assert.match(
      corporateActionProblem({ type: 'split', symbol: 'X', exDate, sharesBefore: 2, sharesAfter: 2 }, paisa(100)) ?? '',
      /change/,
    );
    assert.match(
      corporateActionProblem({ type: 'bonus', symbol: 'X', exDate: '1/2/2023', bonusBasisPoints: 1 }, paisa(100)) ?? '',
      /ex-date/,
    );
  });
});
