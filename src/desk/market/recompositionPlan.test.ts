import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineInstrument } from '../../market/quotes/instrument.js';
import { plannedConstituents, symbolList } from './recompositionPlan.js';

const instruments = new Map(
  ['AAA', 'BBB', 'CCC'].map((symbol) => [
    symbol,
    defineInstrument({ symbol, name: symbol, sector: 'Test', sharesOutstanding: 1000, freeFloat: 4000 }),
  ]),
);
const current = [
  { symbol: 'AAA', shares: 900, freeFloat: 5000, capFactor: 7000 },
  { symbol: 'BBB', shares: 800, freeFloat: 5000 },
];

test('kept members keep their figures; added ones take the instrument’s unless given', () => {
  const planned = plannedConstituents(
    current,
    { add: [{ symbol: 'CCC' }, { symbol: 'BBB', shares: 10 }], remove: ['BBB'] },
    (symbol) => instruments.get(symbol),
  );
  assert.deepEqual(planned, {
    ok: true,
    constituents: [
      { symbol: 'AAA', shares: 900, freeFloat: 5000, capFactor: 7000 },
      { symbol: 'CCC', shares: 1000, freeFloat: 4000 },
      { symbol: 'BBB', shares: 10, freeFloat: 4000 },
    ],
  });
});

test('unknown, duplicate, absent and emptying changes are refused with reasons', () => {
  const of = (symbol: string) => instruments.get(symbol);
  const messages = (change: Parameters<typeof plannedConstituents>[1]) => {
    const planned = plannedConstituents(current, change, of);
    return planned.ok ? [] : planned.problems.map((p) => p.message);
  };
  assert.deepEqual(messages({ add: [{ symbol: 'ZZZ' }, { symbol: 'AAA' }], remove: ['CCC'] }), [
    'CCC is not in this index.',
    'ZZZ is not listed.',
    'AAA is already in this index.',
  ]);
  assert.deepEqual(messages({ add: [{ symbol: 'CCC' }, { symbol: 'CCC' }], remove: [] }), ['CCC is named twice.']);
  assert.deepEqual(messages({ add: [], remove: ['AAA', 'BBB'] }), ['An index needs at least one constituent.']);
  assert.deepEqual(messages({ add: [], remove: [] }), ['Name a stock to add or tick one to remove.']);
});

test('symbols typed in one box', () => {
  assert.deepEqual(symbolList(' ogdc, PPL  hubc,,'), ['OGDC', 'PPL', 'HUBC']);
});
