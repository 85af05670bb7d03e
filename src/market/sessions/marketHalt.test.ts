import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { haltPhase, haltStateAt, isBreach, NORMAL, observeIndex, PSX_HALT_RULE } from './marketHalt.js';

const rule = PSX_HALT_RULE;
const t0 = new Date('2023-01-31T05:00:00Z');
const after = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
// KSE30 previous close 14,897.30; 5 % is 744.865 points.
const previousClose = 1_489_730;
const down = (hundredths: number) => ({ value: previousClose - hundredths, previousClose });

describe('index-based market halt', () => {
  test('breach is |change| ≥ 5 % of the previous close, exactly', () => {
    assert.equal(isBreach(down(74_486), rule), false);
    assert.equal(isBreach(down(74_487), rule), true);
    assert.equal(isBreach({ value: previousClose + 74_487, previousClose }, rule), true);
  });

  test('five consecutive minutes beyond the threshold halt trading for 60 minutes plus a 5-minute pre-open', () => {
    let state = observeIndex(NORMAL, rule, down(80_000), t0);
    assert.deepEqual(state, { kind: 'breaching', since: t0 });
    state = observeIndex(state, rule, down(90_000), after(4));
    assert.equal(state.kind, 'breaching');
    state = haltStateAt(state, rule, after(5));
    assert.deepEqual(state, { kind: 'halted', since: after(5), resumesAt: after(70) });
    assert.deepEqual(haltPhase(state, rule, after(30)), { phase: 'halted', until: after(65) });
    assert.deepEqual(haltPhase(state, rule, after(66)), { phase: 'pre-open', until: after(70) });
    // Even a recovered index does not end the halt early.
    assert.equal(observeIndex(state, rule, down(0), after(40)).kind, 'halted');
    assert.deepEqual(haltStateAt(state, rule, after(70)), NORMAL);
  });

  test('a return inside the threshold resets the clock', () => {
    let state = observeIndex(NORMAL, rule, down(80_000), t0);
    state = observeIndex(state, rule, down(70_000), after(3));
    assert.deepEqual(state, NORMAL);
    state = observeIndex(state, rule, down(80_000), after(4));
    assert.deepEqual(haltStateAt(state, rule, after(8)), { kind: 'breaching', since: after(4) });
    assert.equal(haltStateAt(state, rule, after(9)).kind, 'halted');
  });

  test('a long quiet gap: the halt began at five minutes and may be over already', () => {
    const state = observeIndex(NORMAL, rule, down(80_000), t0);
    assert.deepEqual(haltStateAt(state, rule, after(200)), NORMAL);
  });
});
