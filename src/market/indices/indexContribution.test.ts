import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEMO_INDICES, DEMO_LISTINGS } from '../../demo/market/demoMarket.js';
import { type Paisa, paisa } from '../money/money.js';
import { IndexCalculator } from './indexCalculator.js';
import {
  type ConstituentMove,
  divisorAtPreviousClose,
  indexContributions,
  indexContributionsInForce,
} from './indexContribution.js';

test('a hand example: each member moves the index by its free-float cap change ÷ divisor', () => {
  // Rs 100 of free-float cap per point (see indexCalculator.test.ts): A +Rs 10 × 500 float shares = +50 points.
  const members: ConstituentMove[] = [
    { symbol: 'A', shares: 1000, freeFloat: 5000, price: paisa(11_000), ldcp: paisa(10_000) },
    { symbol: 'B', shares: 4000, freeFloat: 2500, price: paisa(4_999), ldcp: paisa(5_000) },
  ];
  const rows = indexContributions(members, divisorAtPreviousClose(members, 100_000));
  assert.deepEqual(rows, [
    { symbol: 'A', weightBasisPoints: 5238, points: 5_000 },
    { symbol: 'B', weightBasisPoints: 4761, points: -10 },
  ]);
});

test('contributions sum to the index change within rounding, for any day of trades', () => {
  const index = DEMO_INDICES.find((definition) => definition.code === 'KSE30');
  assert.ok(index);
  const ldcps = new Map(DEMO_LISTINGS.map((listing) => [listing.instrument.symbol, listing.ldcp]));
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 14, maxLength: 14 }), (moves) => {
      const calculator = new IndexCalculator(index, ldcps);
      const members: ConstituentMove[] = index.constituents.map((constituent, i) => {
        const ldcp = ldcps.get(constituent.symbol) as Paisa;
        // Up to ±10 % of the LDCP, never below a paisa.
        const price = paisa(Math.max(1, ldcp + Math.trunc((ldcp * (moves[i] ?? 0)) / 10_000)));
        calculator.applyPrice(constituent.symbol, price);
        return { ...constituent, price, ldcp };
      });
      const change = calculator.value() - index.baseValue;
      for (const divisor of [calculator.divisor(), divisorAtPreviousClose(members, index.baseValue)]) {
        const rows = indexContributions(members, divisor);
        const sum = rows.reduce((total, row) => total + row.points, 0);
        // Each row rounds by at most ½ hundredth, the index value by ½ more.
        assert.ok(Math.abs(sum - change) <= Math.ceil((rows.length + 1) / 2), `Σ ${sum} vs change ${change}`);
      }
    }),
  );
});

test('weights are shares of the index at today’s prices and sum to about 100 %', () => {
  const index = DEMO_INDICES.find((definition) => definition.code === 'BR100');
  assert.ok(index);
  const members: ConstituentMove[] = index.constituents.map((constituent) => {
    const listing = DEMO_LISTINGS.find((l) => l.instrument.symbol === constituent.symbol);
    assert.ok(listing);
    return { ...constituent, price: listing.ldcp, ldcp: listing.ldcp };
  });
  const rows = indexContributions(members, divisorAtPreviousClose(members, index.baseValue));
  const total = rows.reduce((sum, row) => sum + row.weightBasisPoints, 0);
  assert.ok(total <= 10_000 && total > 10_000 - rows.length, `Σ weights ${total}`);
  assert.ok(rows.every((row) => row.points === 0));
});

test('property: with the divisor in force, points add up to the change after intraday share and free-float changes', () => {
  const index = DEMO_INDICES.find((definition) => definition.code === 'KSE30');
  assert.ok(index);
  const ldcps = new Map(DEMO_LISTINGS.map((listing) => [listing.instrument.symbol, listing.ldcp]));
  const move = (ldcp: Paisa, step: number) => paisa(Math.max(1, ldcp + Math.trunc((ldcp * step) / 10_000)));
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 14, maxLength: 14 }),
      fc.array(
        fc.record({
          member: fc.nat(13),
          shares: fc.integer({ min: 1_000, max: 5_000_000_000 }),
          freeFloat: fc.integer({ min: 100, max: 10_000 }),
          exPrice: fc.option(fc.integer({ min: -5000, max: 0 })),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 14, maxLength: 14 }),
      (before, changes, after) => {
        const calculator = new IndexCalculator(index, ldcps);
        const ldcp = new Map(ldcps);
        const price = new Map(ldcps);
        const trade = (steps: readonly number[]) => {
          index.constituents.forEach((constituent, i) => {
            const next = move(ldcp.get(constituent.symbol) as Paisa, steps[i] ?? 0);
            calculator.applyPrice(constituent.symbol, next);
            price.set(constituent.symbol, next);
          });
        };
        trade(before);
        for (const change of changes) {
          const symbol = index.constituents[change.member]?.symbol as string;
          const constituents = calculator
            .constituents()
            .map((c) => (c.symbol === symbol ? { ...c, shares: change.shares, freeFloat: change.freeFloat } : c));
          if (change.exPrice === null) {
            calculator.recompose(constituents);
          } else {
            // A corporate action before the stock trades: its price and LDCP become the ex-price.
            const exPrice = move(ldcp.get(symbol) as Paisa, change.exPrice);
            calculator.recompose(constituents, new Map([[symbol, exPrice]]));
            ldcp.set(symbol, exPrice);
            price.set(symbol, exPrice);
          }
        }
        trade(after);
        const members: ConstituentMove[] = calculator.constituents().map((constituent) => ({
          ...constituent,
          price: price.get(constituent.symbol) as Paisa,
          ldcp: ldcp.get(constituent.symbol) as Paisa,
        }));
        const change = calculator.value() - index.baseValue;
        const rows = indexContributionsInForce(members, calculator.divisor(), index.baseValue);
        const sum = rows.reduce((total, row) => total + row.points, 0);
        assert.ok(Math.abs(sum - change) <= Math.ceil((rows.length + 1) / 2), `Σ ${sum} vs change ${change}`);
      },
    ),
  );
});
