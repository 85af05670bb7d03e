import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { CorporateAction } from '../corporateActions/corporateAction.js';
import { indexWeights } from '../indices/weightCap.js';
import { type Paisa, paisa } from '../money/money.js';
import { percentHundredths } from '../money/rounding.js';
import { defineInstrument } from '../quotes/instrument.js';
import { priceBand } from '../quotes/priceBand.js';
import { directionOf } from '../quotes/quote.js';
import { instantOf } from '../sessions/tradingCalendar.js';
import { Market, type MarketSetup } from './market.js';
import type { MarketSnapshot } from './marketSnapshot.js';

const today = '2023-01-31';
const at = (time: string, date = today) => instantOf(date, time);

function listing(symbol: string, ldcp: number, shares: number) {
  return {
    instrument: defineInstrument({
      symbol,
      name: symbol,
      sector: 'Test',
      sharesOutstanding: shares,
      freeFloat: 10_000,
    }),
    ldcp: paisa(ldcp),
  };
}

const members = [
  { symbol: 'A', shares: 1000, freeFloat: 10_000 },
  { symbol: 'B', shares: 2000, freeFloat: 10_000 },
  { symbol: 'C', shares: 1000, freeFloat: 10_000 },
];

// Free-float caps at the LDCPs: A Rs 50,000, B Rs 50,000, C Rs 75,000 (Rs 175,000).
const setup: MarketSetup = {
  listings: [listing('A', 5000, 1000), listing('B', 2500, 2000), listing('C', 7500, 1000), listing('D', 1000, 5000)],
  indices: [
    { code: 'TR', name: 'Total return', baseValue: 100_000, constituents: members, returnType: 'total' },
    { code: 'PR', name: 'Price', baseValue: 100_000, constituents: members, returnType: 'price' },
  ],
  fx: [],
  ldcpTime: at('17:00', '2023-01-30'),
};

const values = (market: Market) => market.snapshot().indices.map((i) => i.value);

describe('Market.applyCorporateAction', () => {
  test('bonus 25 % on A: LDCP 50.00 → 40.00, shares 1,000 → 1,250, no index moves', () => {
    const market = new Market(setup);
    const bonus: CorporateAction = { type: 'bonus', symbol: 'A', exDate: today, bonusBasisPoints: 2500 };
    assert.deepEqual(market.applyCorporateAction(bonus, at('09:00')), {
      ok: true,
      status: 'applied',
      adjustment: { exPrice: 4000, sharesOutstanding: 1250 },
    });
    assert.equal(market.quote('A')?.ldcp, 4000);
    assert.equal(market.quote('A')?.last, 4000);
    assert.equal(market.instrument('A')?.sharesOutstanding, 1250);
    assert.deepEqual(market.indexConstituents('TR')?.[0], { symbol: 'A', shares: 1250, freeFloat: 10_000 });
    assert.deepEqual(values(market), [100_000, 100_000]);
    // The band is now around the ex-price: 44.00 is in, 45.00 out.
    assert.ok(market.applyTrade({ symbol: 'A', price: paisa(4400), volume: 1, time: at('10:00') }).ok);
  });

  test('cash dividend Rs 5 on B: the total-return index holds, the price index drops by Rs 10,000 of Rs 175,000', () => {
    const market = new Market(setup);
    const dividend: CorporateAction = { type: 'cashDividend', symbol: 'B', exDate: today, dividend: paisa(500) };
    assert.ok(market.applyCorporateAction(dividend, at('09:00')).ok);
    assert.equal(market.quote('B')?.ldcp, 2000);
    // 100,000 × 165,000 ÷ 175,000 = 94,285.71 → 94,286 hundredths.
    assert.deepEqual(values(market), [100_000, 94_286]);
    assert.equal(market.snapshot().indices[1]?.change, -5714);
  });

  test('special dividend Rs 5 on B: the price index adjusts its divisor as the total-return index does', () => {
    const market = new Market(setup);
    const dividend: CorporateAction = {
      type: 'cashDividend',
      symbol: 'B',
      exDate: today,
      dividend: paisa(500),
      special: true,
    };
    assert.ok(market.applyCorporateAction(dividend, at('09:00')).ok);
    assert.equal(market.quote('B')?.ldcp, 2000);
    assert.deepEqual(values(market), [100_000, 100_000]);
    // From here B moves both indices alike: +Rs 2.00 on 2,000 shares is Rs 4,000 of Rs 165,000.
    assert.ok(market.applyTrade({ symbol: 'B', price: paisa(2200), volume: 1, time: at('10:00') }).ok);
    assert.deepEqual(values(market), [102_424, 102_424]);
  });

  test('right 1 for 5 at Rs 80 on C (close 75.00): out of the money, nothing moves', () => {
    const market = new Market(setup);
    const right: CorporateAction = {
      type: 'right',
      symbol: 'C',
      exDate: today,
      ratio: { newShares: 1, heldShares: 5 },
      subscriptionPrice: paisa(8000),
    };
    assert.deepEqual(market.applyCorporateAction(right, at('09:00')), {
      ok: true,
      status: 'applied',
      adjustment: { exPrice: 7500, sharesOutstanding: 1000 },
    });
    assert.equal(market.quote('C')?.ldcp, 7500);
    assert.deepEqual(market.indexConstituents('PR')?.[2], { symbol: 'C', shares: 1000, freeFloat: 10_000 });
    assert.deepEqual(values(market), [100_000, 100_000]);
  });

  test('right 20 % at par on C: 75.00 → 64.17, shares 1,200, no index moves', () => {
    const market = new Market(setup);
    const right: CorporateAction = {
      type: 'right',
      symbol: 'C',
      exDate: today,
      rightBasisPoints: 2000,
      subscriptionPrice: paisa(1000),
    };
    assert.ok(market.applyCorporateAction(right, at('09:00')).ok);
    assert.equal(market.quote('C')?.ldcp, 6417);
    assert.equal(market.instrument('C')?.sharesOutstanding, 1200);
    assert.deepEqual(values(market), [100_000, 100_000]);
  });

  test('a future ex-date waits for the roll-over; a traded stock is refused; unknown symbols too', () => {
    const market = new Market(setup);
    const split: CorporateAction = {
      type: 'split',
      symbol: 'A',
      exDate: '2023-02-01',
      sharesBefore: 1,
      sharesAfter: 5,
    };
    assert.deepEqual(market.applyCorporateAction(split, at('09:00')), { ok: true, status: 'scheduled' });
    assert.equal(market.quote('A')?.ldcp, 5000);
    assert.ok(market.applyTrade({ symbol: 'A', price: paisa(5100), volume: 10, time: at('10:00') }).ok);
    const late = market.applyCorporateAction({ ...split, exDate: today }, at('10:05'));
    assert.equal(late.ok, false);
    assert.equal(market.applyCorporateAction({ ...split, symbol: 'ZZ' }, at('10:05')).ok, false);
    const before = values(market);
    const result = market.closeDay(today, at('17:00'));
    assert.ok(result.ok);
    assert.deepEqual(result.endOfDay.appliedCorporateActions, [split]);
    // Close 51.00 split 1 → 5: 10.20, shares 5,000; the indices open where they closed.
    assert.equal(market.quote('A')?.ldcp, 1020);
    assert.equal(market.instrument('A')?.sharesOutstanding, 5000);
    assert.deepEqual(values(market), before);
    assert.deepEqual(
      market.snapshot().indices.map((i) => i.previousClose),
      before,
    );
    assert.deepEqual(market.pendingCorporateActions(), []);
  });

  test('a waiting action can be withdrawn or amended; a refused amendment keeps the original', () => {
    const market = new Market(setup);
    const split: CorporateAction = {
      type: 'split',
      symbol: 'A',
      exDate: '2023-02-01',
      sharesBefore: 1,
      sharesAfter: 5,
    };
    assert.ok(market.applyCorporateAction(split, at('09:00')).ok);
    // Named whatever the field order.
    const reordered = { sharesAfter: 5, sharesBefore: 1, exDate: '2023-02-01', symbol: 'A', type: 'split' } as const;
    const refused = market.amendCorporateAction(reordered, { ...split, sharesAfter: 1 }, at('09:10'));
    assert.equal(refused.ok, false);
    assert.deepEqual(market.pendingCorporateActions(), [split]);
    assert.equal(market.amendCorporateAction(split, { ...split, symbol: 'B' }, at('09:10')).ok, false);
    const ten = { ...split, sharesAfter: 10 };
    assert.deepEqual(market.amendCorporateAction(reordered, ten, at('09:10')), { ok: true });
    assert.deepEqual(market.pendingCorporateActions(), [ten]);
    assert.equal(market.withdrawCorporateAction(split).ok, false, 'the original is gone');
    assert.deepEqual(market.withdrawCorporateAction(ten), { ok: true });
    assert.deepEqual(market.pendingCorporateActions(), []);
    const result = market.closeDay(today, at('17:00'));
    assert.ok(result.ok);
    assert.deepEqual(result.endOfDay.appliedCorporateActions, []);
    assert.equal(market.quote('A')?.ldcp, 5000, 'a withdrawn action never applies');
  });
});

describe('scheduled recomposition with a weight cap', () => {
  test('applied by the roll-over into its effective date, capped, with the level unchanged', () => {
    const market = new Market({
      ...setup,
      indices: [{ ...setup.indices[0], maxWeightBasisPoints: 4000 } as MarketSetup['indices'][number]],
    });
    // A, B, C at 28.6 / 28.6 / 42.9 %: C is capped to 40 % at the start.
    assert.deepEqual(
      [
        ...indexWeights(
          market.indexConstituents('TR') ?? [],
          new Map([
            ['A', paisa(5000)],
            ['B', paisa(2500)],
            ['C', paisa(7500)],
          ]),
        ).values(),
      ],
      [3000, 3000, 3999],
    );
    const next = [...members, { symbol: 'D', shares: 5000, freeFloat: 10_000 }];
    assert.deepEqual(market.scheduleRecomposition('TR', '2023-02-01', next), { ok: true });
    assert.equal(
      market.scheduleRecomposition('TR', '2023-02-01', [{ symbol: 'ZZ', shares: 1, freeFloat: 1 }]).ok,
      false,
    );
    assert.equal(market.scheduleRecomposition('XX', '2023-02-01', next).ok, false);
    market.applyTrade({ symbol: 'C', price: paisa(8000), volume: 1, time: at('10:00') });
    const closing = values(market)[0];
    const result = market.closeDay(today, at('17:00'));
    assert.ok(result.ok);
    assert.equal(result.endOfDay.appliedRecompositions.length, 1);
    assert.equal(values(market)[0], closing);
    assert.deepEqual(
      market.indexConstituents('TR')?.map((c) => c.symbol),
      ['A', 'B', 'C', 'D'],
    );
    // D now moves the index.
    market.applyTrade({ symbol: 'D', price: paisa(1100), volume: 1, time: at('10:00', '2023-02-01') });
    assert.ok((values(market)[0] ?? 0) > (closing ?? 0));
  });
});

/** Every quote's change and % are those of its LDCP and last; every index's of its previous close. */
function assertConsistent(snapshot: MarketSnapshot): void {
  for (const q of snapshot.quotes) {
    assert.equal(q.change, q.last - q.ldcp, q.symbol);
    assert.equal(q.changePercent, percentHundredths(q.change, q.ldcp) / 100, q.symbol);
    assert.equal(q.direction, directionOf(q.change), q.symbol);
  }
  for (const i of snapshot.indices) {
    assert.equal(i.change, i.value - i.previousClose, i.code);
    assert.equal(i.changePercent, percentHundredths(i.change, i.previousClose) / 100, i.code);
  }
}

type Step =
  | { readonly kind: 'trade'; readonly stock: number; readonly position: number; readonly volume: number }
  | {
      readonly kind: 'action';
      readonly stock: number;
      readonly action: number;
      readonly amount: number;
      readonly held: number;
    }
  | { readonly kind: 'recompose'; readonly keep: readonly boolean[]; readonly scheduled: boolean }
  | { readonly kind: 'close' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('trade' as const),
    stock: fc.nat(3),
    position: fc.double({ min: 0, max: 1, noNaN: true }),
    volume: fc.integer({ min: 1, max: 10_000 }),
  }),
  fc.record({
    kind: fc.constant('action' as const),
    stock: fc.nat(3),
    action: fc.nat(5),
    amount: fc.integer({ min: 1, max: 10_000 }),
    held: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({
    kind: fc.constant('recompose' as const),
    keep: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    scheduled: fc.boolean(),
  }),
  fc.constant({ kind: 'close' as const }),
);

function actionOf(
  step: Extract<Step, { kind: 'action' }>,
  symbol: string,
  ldcp: Paisa,
  exDate: string,
): CorporateAction {
  switch (step.action) {
    case 0:
      return { type: 'bonus', symbol, exDate, bonusBasisPoints: step.amount };
    case 1:
      return { type: 'right', symbol, exDate, rightBasisPoints: step.amount, subscriptionPrice: paisa(1000) };
    case 2:
      return { type: 'split', symbol, exDate, sharesBefore: 1, sharesAfter: 1 + (step.amount % 9) };
    case 4:
      // A right of n for `held` priced anywhere from well below to above the close.
      return {
        type: 'right',
        symbol,
        exDate,
        ratio: { newShares: 1 + (step.amount % 7), heldShares: step.held },
        subscriptionPrice: paisa(Math.max(1, Math.floor((ldcp * step.amount) / 5_000))),
      };
    case 5:
      return {
        type: 'cashDividend',
        symbol,
        exDate,
        special: true,
        dividend: paisa(Math.max(1, Math.floor((ldcp * (step.amount % 5_000)) / 10_000))),
      };
    default:
      return {
        type: 'cashDividend',
        symbol,
        exDate,
        dividend: paisa(Math.max(1, Math.floor((ldcp * (step.amount % 5_000)) / 10_000))),
      };
  }
}

describe('properties', () => {
  test('no corporate action or recomposition moves an index by more than a hundredth (price indices drop only on ordinary dividends); change/% always agree with LDCP and last', () => {
    const symbols = ['A', 'B', 'C', 'D'];
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 60 }), (steps) => {
        const market = new Market(setup);
        let day = 31;
        let minute = 0;
        const date = () => `2023-${day <= 31 ? `01-${day}` : `02-${String(day - 31).padStart(2, '0')}`}`;
        const now = () => new Date(instantOf(date(), '10:00').getTime() + minute * 60_000);
        for (const step of steps) {
          minute += 1;
          const before = values(market);
          switch (step.kind) {
            case 'trade': {
              const symbol = symbols[step.stock] as string;
              const quote = market.quote(symbol);
              assert.ok(quote);
              const band = priceBand(quote.ldcp, paisa(1));
              const price = paisa(band.lower + Math.floor(step.position * (band.upper - band.lower)));
              assert.ok(market.applyTrade({ symbol, price, volume: step.volume, time: now() }).ok);
              break;
            }
            case 'action': {
              const symbol = symbols[step.stock] as string;
              const quote = market.quote(symbol);
              assert.ok(quote);
              const action = actionOf(step, symbol, quote.ldcp, date());
              const outcome = market.applyCorporateAction(action, now());
              if (quote.volume > 0) {
                assert.equal(outcome.ok, false);
                break;
              }
              if (!outcome.ok) break; // e.g. a price so low the ex-price rounds to nothing sensible
              const after = values(market);
              const pr = market.indexConstituents('PR')?.some((c) => c.symbol === symbol);
              // TR keeps its level through everything; PR through all but dividends, which lower it.
              assert.ok(Math.abs((after[0] ?? 0) - (before[0] ?? 0)) <= 1, `TR ${before[0]} → ${after[0]}`);
              if (action.type === 'right' && action.subscriptionPrice >= quote.ldcp) {
                assert.equal(market.quote(symbol)?.ldcp, quote.ldcp, 'a right out of the money moves no price');
              }
              if (action.type === 'cashDividend' && action.special !== true && pr) {
                assert.ok((after[1] ?? 0) <= (before[1] ?? 0));
              } else assert.ok(Math.abs((after[1] ?? 0) - (before[1] ?? 0)) <= 1, `PR ${before[1]} → ${after[1]}`);
              break;
            }
            case 'recompose': {
              const chosen = symbols.filter((_, i) => step.keep[i]);
              if (chosen.length === 0) break;
              const constituents = chosen.map((symbol) => ({
                symbol,
                shares: market.instrument(symbol)?.sharesOutstanding ?? 1,
                freeFloat: 10_000,
              }));
              if (step.scheduled) {
                assert.ok(market.scheduleRecomposition('TR', date(), constituents).ok);
              } else {
                assert.ok(market.recomposeIndex('PR', constituents, now()).ok);
                assert.deepEqual(values(market), before);
              }
              break;
            }
            case 'close': {
              const result = market.closeDay(date(), now());
              assert.ok(result.ok);
              const closes = result.endOfDay.indices.map((bar) => bar.close);
              assert.deepEqual(
                market.snapshot().indices.map((i) => i.previousClose),
                closes,
              );
              const after = values(market);
              assert.ok(Math.abs((after[0] ?? 0) - (closes[0] ?? 0)) <= 1, 'TR opens where it closed');
              assert.ok((after[1] ?? 0) <= (closes[1] ?? 0) + 1, 'PR opens at most where it closed');
              day += 1;
              minute = 0;
              break;
            }
          }
          assertConsistent(market.snapshot());
        }
      }),
      { numRuns: 300 },
    );
  });
});
