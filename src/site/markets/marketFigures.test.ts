import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paisa } from '../../market/money/money.js';
import { hundredthsText, signedHundredths, signedPercent, signedRupees } from './marketFigures.js';

test('market figures carry their sign in the text', () => {
  assert.equal(signedRupees(paisa(63)), '+0.63');
  assert.equal(signedRupees(paisa(-2)), '-0.02');
  assert.equal(signedRupees(paisa(0)), '0.00');
  assert.equal(hundredthsText(4067312), '40,673.12');
  assert.equal(hundredthsText(4067300, false), '40673.00');
  assert.equal(signedHundredths(80180), '+801.80');
  assert.equal(signedPercent(0.98), '+0.98%');
  assert.equal(signedPercent(-1.2), '-1.20%');
  assert.equal(signedPercent(2), '+2.00%');
  assert.equal(signedPercent(0), '0.00%');
  assert.equal(signedPercent(-0.001), '0.00%');
  assert.equal(signedPercent(1234.5), '+1,234.50%');
});
