import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { corporateActionOf } from './marketDeskJson.js';

const base = { symbol: 'HUBC', exDate: '2026-12-10' } as const;

describe('corporateActionOf', () => {
  test('a bonus or right as an exact ratio (1 new share for 55 held), not rounded to basis points', () => {
    assert.deepEqual(corporateActionOf({ ...base, type: 'bonus', ratio: { newShares: 1, heldShares: 55 } }), {
      ok: true,
      action: { type: 'bonus', ...base, ratio: { newShares: 1, heldShares: 55 } },
    });
    assert.deepEqual(
      corporateActionOf({ ...base, type: 'right', ratio: { newShares: 3, heldShares: 7 }, subscriptionPrice: '10.00' }),
      { ok: true, action: { type: 'right', ...base, ratio: { newShares: 3, heldShares: 7 }, subscriptionPrice: 1000 } },
    );
  });

  test('a special dividend is marked; an ordinary one is not', () => {
    assert.deepEqual(corporateActionOf({ ...base, type: 'cashDividend', dividend: '5.00', special: true }), {
      ok: true,
      action: { type: 'cashDividend', ...base, dividend: 500, special: true },
    });
    assert.deepEqual(corporateActionOf({ ...base, type: 'cashDividend', dividend: '5.00' }), {
      ok: true,
      action: { type: 'cashDividend', ...base, dividend: 500 },
    });
  });

  test('both a percentage and a ratio, a ratio on a split, or special on a bonus are problems of that field', () => {
    const cases = [
      [{ ...base, type: 'bonus', bonusBasisPoints: 100, ratio: { newShares: 1, heldShares: 55 } }, 'bonusBasisPoints'],
      [{ ...base, type: 'split', sharesBefore: 1, sharesAfter: 10, ratio: { newShares: 1, heldShares: 2 } }, 'ratio'],
      [{ ...base, type: 'bonus', bonusBasisPoints: 100, special: true }, 'special'],
      [{ ...base, type: 'right', ratio: { newShares: 1, heldShares: 2 } }, 'subscriptionPrice'],
    ] as const;
    for (const [body, field] of cases) {
      const result = corporateActionOf(body);
      assert.equal(result.ok, false, JSON.stringify(body));
      if (!result.ok)
        assert.deepEqual(
          result.problems.map((p) => p.field),
          [field],
        );
    }
  });
});
