import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
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
    assert.equal(
      sharesAfter({ type: 'bonus', symbol: 'X', exDate, bonusBasisPoints: 2500 }, 1_000, paisa(5000)),
      1_250,
    );
    assert.equal(
      sharesAfter({ type: 'bonus', symbol: 'X', exDate, bonusBasisPoints: 1250 }, 1_001, paisa(5000)),
      1_126,
    );
    assert.equal(sharesAfter(right(2000, 1000), 1_000, paisa(7500)), 1_200);
    assert.equal(
      sharesAfter({ type: 'cashDividend', symbol: 'X', exDate, dividend: paisa(1) }, 1_000, paisa(100)),
      1_000,
    );
  });
});

describe('exact ratios', () => {
  const bonus = (newShares: number, heldShares: number): CorporateAction => ({
    type: 'bonus',
    symbol: 'X',
    exDate,
    ratio: { newShares, heldShares },
  });

  test('1 new share for 55: XB = close × 55 ÷ 56, rounded once; shares + floor(shares ÷ 55)', () => {
    // 100.00 × 55 ÷ 56 = 9 821.43 paisa → 98.21; 55 000 shares → 56 000 exactly, where 182 bp
    // (the nearest basis points) gives 56 001.
    assert.equal(exPrice(bonus(1, 55), paisa(10_000)), 9821);
    assert.equal(sharesAfter(bonus(1, 55), 55_000, paisa(10_000)), 56_000);
    assert.equal(sharesAfter({ type: 'bonus', symbol: 'X', exDate, bonusBasisPoints: 182 }, 55_000, paisa(1)), 56_001);
    // 5 500.00 × 55 ÷ 56 = 540 178.57 → 5 401.79, where 182 bp gives 540 168.93 → 5 401.69.
    assert.equal(exPrice(bonus(1, 55), paisa(550_000)), 540_179);
  });

  test('a right of 2 for 11 at Rs 10 on Rs 75: (7 500 × 11 + 1 000 × 2) ÷ 13 = 6 500 exactly', () => {
    const action: CorporateAction = {
      type: 'right',
      symbol: 'X',
      exDate,
      ratio: { newShares: 2, heldShares: 11 },
      subscriptionPrice: paisa(1000),
    };
    assert.equal(exPrice(action, paisa(7500)), 6500);
    assert.equal(sharesAfter(action, 1_100, paisa(7500)), 1_300);
  });

  test('a percentage and the same ratio agree: 25 % is 1 for 4', () => {
    const byPercent: CorporateAction = { type: 'bonus', symbol: 'X', exDate, bonusBasisPoints: 2500 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (close, shares) => {
        assert.deepEqual(
          adjustForAction(bonus(1, 4), paisa(close), shares),
          adjustForAction(byPercent, paisa(close), shares),
        );
      }),
    );
  });

  test('a ratio is refused unless both figures are positive whole numbers, or beside basis points', () => {
    assert.match(corporateActionProblem(bonus(0, 55), paisa(100)) ?? '', /ratio/);
    assert.match(corporateActionProblem(bonus(1, 5.5), paisa(100)) ?? '', /ratio/);
    const both = { ...bonus(1, 55), bonusBasisPoints: 182 } as unknown as CorporateAction;
    assert.match(corporateActionProblem(both, paisa(100)) ?? '', /not both/);
    assert.equal(corporateActionProblem(bonus(1, 55), paisa(100)), null);
  });
});

describe('rights out of the money', () => {
  test('a subscription price at or above the close leaves price and shares as they were', () => {
    // The notice's formula would raise 10.00 to (1 000 × 100 + 1 500 × 20) ÷ 120 = 10.83 for a right nobody takes.
    assert.deepEqual(adjustForAction(right(2000, 1500), paisa(1000), 1_000), {
      exPrice: 1000,
      sharesOutstanding: 1_000,
    });
    assert.deepEqual(adjustForAction(right(2000, 1000), paisa(1000), 1_000), {
      exPrice: 1000,
      sharesOutstanding: 1_000,
    });
    assert.deepEqual(adjustForAction(right(2000, 999), paisa(1000), 1_000), {
      exPrice: 1000,
      sharesOutstanding: 1_200,
    });
  });

  test('property: an ex-right price never rises above the close', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 20_000_000 }),
        (close, basisPoints, subscription) => {
          assert.ok(exPrice(right(basisPoints, subscription), paisa(close)) <= close);
        },
      ),
    );
  });
});

describe('index treatment', () => {
  test('an ordinary dividend is kept level only by a total-return index, a special one by both', () => {
    const dividend: CorporateAction = { type: 'cashDividend', symbol: 'X', exDate, dividend: paisa(500) };
    assert.equal(indexKeepsLevel(dividend, 'total'), true);
    assert.equal(indexKeepsLevel(dividend, 'price'), false);
    assert.equal(indexKeepsLevel({ ...dividend, special: false }, 'price'), false);
    assert.equal(indexKeepsLevel({ ...dividend, special: true }, 'price'), true);
    assert.equal(indexKeepsLevel({ ...dividend, special: true }, 'total'), true);
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
