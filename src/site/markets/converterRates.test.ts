import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConverterRates } from './converterRates.js';
import { conversionText, converterState } from './converterState.js';

const BODY = {
  rates: [
    { pair: 'USD/PKR', market: 'interbank', buying: '267.89', selling: '267.89', source: 'SBP' },
    { pair: 'USD/PKR', market: 'open', buying: '267.00', selling: '270.00' },
    { pair: 'EUR/PKR', market: 'open', buying: '290.10', selling: '293.5' },
  ],
};

test('readConverterRates reads decimal strings as exact paisa', () => {
  assert.deepEqual(readConverterRates(BODY), [
    { pair: 'USD/PKR', market: 'interbank', buying: 26789, selling: 26789 },
    { pair: 'USD/PKR', market: 'open', buying: 26700, selling: 27000 },
    { pair: 'EUR/PKR', market: 'open', buying: 29010, selling: 29350 },
  ]);
});

test('readConverterRates refuses any body it cannot trust', () => {
  const rate = { pair: 'USD/PKR', market: 'open', buying: '267.00', selling: '270.00' };
  for (const bad of [
    null,
    'rates',
    {},
    { rates: {} },
    { rates: [null] },
    { rates: [{ ...rate, market: 'kerb' }] },
    { rates: [{ ...rate, buying: 267 }] },
    { rates: [{ ...rate, buying: '267.001' }] },
    { rates: [{ ...rate, selling: '-270.00' }] },
    { rates: [{ ...rate, selling: '0.00' }] },
  ]) {
    assert.equal(readConverterRates(bad), null, JSON.stringify(bad));
  }
});

test('parsed rates convert exactly as the server does, buying dollars at the buying rate', () => {
  const rates = readConverterRates(BODY);
  assert.ok(rates);
  const state = converterState(rates, { amount: '123.45', direction: 'usd-pkr' });
  assert.equal(state.kind, 'converted');
  if (state.kind !== 'converted') return;
  // 12345 cents × 26789 paisa ÷ 100 = 3,307,102.05 paisa → 3,307,102 (half up), i.e. Rs 33,071.02.
  assert.deepEqual(
    state.lines.map((line) => conversionText(state.direction, state.amountText, line)),
    [
      { figure: 'US$ 123.45 = Rs 33,071.02', rateNote: 'at the interbank rate of Rs 267.89' },
      { figure: 'US$ 123.45 = Rs 32,961.15', rateNote: 'at the open market rate of Rs 267.00' },
    ],
  );
  const back = converterState(rates, { amount: '1000', direction: 'pkr-usd' });
  assert.equal(back.kind, 'converted');
  if (back.kind !== 'converted') return;
  assert.deepEqual(
    back.lines.map((line) => conversionText(back.direction, back.amountText, line).figure),
    ['Rs 1,000.00 = US$ 3.73', 'Rs 1,000.00 = US$ 3.70'],
  );
});
