import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { paisa } from '../money/money.js';
import { defineInstrument, isSymbol } from './instrument.js';

const avn = {
  symbol: 'AVN',
  name: 'Avanceon Limited',
  sector: 'Technology & Communication',
  sharesOutstanding: 380_000_000,
  freeFloat: 4500,
};

test('PSX defaults: tick Rs 0.01, lot 1 share', () => {
  const instrument = defineInstrument(avn);
  assert.equal(instrument.tickSize, 1);
  assert.equal(instrument.lotSize, 1);
  assert.equal(defineInstrument({ ...avn, tickSize: paisa(5), lotSize: 500 }).lotSize, 500);
});

test('refuses impossible figures', () => {
  assert.throws(() => defineInstrument({ ...avn, symbol: 'avn' }), /symbol/);
  assert.throws(() => defineInstrument({ ...avn, sharesOutstanding: 0 }), /shares/);
  assert.throws(() => defineInstrument({ ...avn, sharesOutstanding: 1.5 }), /shares/);
  assert.throws(() => defineInstrument({ ...avn, freeFloat: 10_001 }), /free float/);
  assert.throws(() => defineInstrument({ ...avn, freeFloat: 45.5 }), /free float/);
  assert.throws(() => defineInstrument({ ...avn, tickSize: paisa(0) }), /tick/);
  assert.throws(() => defineInstrument({ ...avn, lotSize: 0 }), /lot/);
});

test('isSymbol reads exactly as /^[A-Z0-9][A-Z0-9.-]{0,15}$/ does', () => {
  const pattern = /^[A-Z0-9][A-Z0-9.-]{0,15}$/;
  // Characters inside and just outside each range the pattern allows.
  const character = fc.constantFrom(...'AZ09.-/:@[`az ,_\n\u0130\u00c4'.split(''), 'B', 'M', '5');
  const text = fc.array(character, { maxLength: 20 }).map((chars) => chars.join(''));
  fc.assert(
    fc.property(fc.oneof(text, fc.string({ maxLength: 20 })), (candidate) => {
      assert.equal(isSymbol(candidate), pattern.test(candidate), JSON.stringify(candidate));
    }),
    { numRuns: 5000 },
  );
  for (const candidate of ['A', 'OGDC-JAN', 'A'.repeat(16), 'A'.repeat(17), '', '-A', '.A', 'A.', 'BAFL\n']) {
    assert.equal(isSymbol(candidate), pattern.test(candidate), candidate);
  }
});
