import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { versionBase } from './versionBase.js';

describe('versionBase', () => {
  test('spreads bases over the safe integers, each leaving room for 2^49 changes', () => {
    assert.equal(versionBase(0), 0);
    const highest = versionBase(1 - Number.EPSILON);
    assert.ok(Number.isSafeInteger(highest + 2 ** 49), `${highest} leaves no room`);
    assert.ok(highest > 8e15, `${highest} uses too little of the range`);
    assert.ok(Number.isSafeInteger(versionBase(0.5)));
  });

  test('two processes started at once get ranges far apart', () => {
    // The old base (the clock times 1,000) put two workers started 3 ms apart 3,000 versions apart.
    const a = versionBase(0.123_456_7);
    const b = versionBase(0.123_456_8);
    assert.ok(Math.abs(a - b) > 10 ** 8, `${a} and ${b}`);
  });

  test('refuses a fraction outside [0, 1)', () => {
    for (const fraction of [-0.1, 1, 2, Number.NaN]) assert.throws(() => versionBase(fraction), RangeError);
  });
});
