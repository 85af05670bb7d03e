import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paisa } from '../money/money.js';
import { applyFxRate, fxRateProblem } from './fxRate.js';

const time = new Date('2023-01-31T12:00:00Z');
const usdOpen = { pair: 'USD/PKR', market: 'open' as const, buying: paisa(26_700), selling: paisa(27_000), time };

test('a first rate is its own previous close; later ones keep it', () => {
  const first = applyFxRate(undefined, { ...usdOpen, source: 'ECAP' });
  assert.equal(first.previousBuying, 26_700);
  assert.equal(first.previousSelling, 27_000);
  const next = applyFxRate(first, { ...usdOpen, buying: paisa(26_750), selling: paisa(27_050) });
  assert.deepEqual(next, {
    ...usdOpen,
    buying: 26_750,
    selling: 27_050,
    previousBuying: 26_700,
    previousSelling: 27_000,
    source: 'ECAP',
  });
});

test('validation', () => {
  assert.equal(fxRateProblem(usdOpen), null);
  assert.match(fxRateProblem({ ...usdOpen, pair: 'usd-pkr' }) ?? '', /pair/);
  assert.match(fxRateProblem({ ...usdOpen, buying: paisa(0) }) ?? '', /buying/);
  assert.match(fxRateProblem({ ...usdOpen, selling: paisa(26_000) }) ?? '', /below/);
  assert.match(fxRateProblem({ ...usdOpen, market: 'interbank' }) ?? '', /one rate/);
  assert.equal(fxRateProblem({ ...usdOpen, market: 'interbank', selling: paisa(26_700) }), null);
  assert.match(fxRateProblem({ ...usdOpen, time: new Date(Number.NaN) }) ?? '', /time/);
});
