import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChangeLog } from './changeLog.js';

describe('ChangeLog', () => {
  test('gives the union of keys changed after a version, and nothing at the latest', () => {
    const log = new ChangeLog(10, { maxAgeMs: 60_000, maxSteps: 100 });
    log.record(12, ['s:AVN', 'i:KSE100'], 0);
    log.record(15, ['s:HUBC'], 1);
    log.record(20, ['s:AVN'], 2);
    assert.deepEqual([...(log.changedSince(10) ?? [])].sort(), ['i:KSE100', 's:AVN', 's:HUBC']);
    assert.deepEqual([...(log.changedSince(15) ?? [])], ['s:AVN']);
    assert.deepEqual([...(log.changedSince(20) ?? [])], []);
    // Between two steps: the step containing it is included, so nothing is missed.
    assert.deepEqual([...(log.changedSince(13) ?? [])].sort(), ['s:AVN', 's:HUBC']);
  });

  test('cannot answer for versions older than it keeps, newer than it has seen, or not integers', () => {
    const log = new ChangeLog(10, { maxAgeMs: 60_000, maxSteps: 100 });
    log.record(11, ['s:AVN'], 0);
    assert.equal(log.changedSince(9), null);
    assert.equal(log.changedSince(12), null);
    assert.equal(log.changedSince(10.5), null);
  });

  test('forgets steps by age and by count', () => {
    const byAge = new ChangeLog(0, { maxAgeMs: 1000, maxSteps: 100 });
    byAge.record(1, ['s:A'], 0);
    byAge.record(2, ['s:B'], 500);
    byAge.record(3, ['s:C'], 1400);
    assert.equal(byAge.changedSince(0), null);
    assert.deepEqual([...(byAge.changedSince(1) ?? [])].sort(), ['s:B', 's:C']);

    const byCount = new ChangeLog(0, { maxAgeMs: 60_000, maxSteps: 2 });
    for (let version = 1; version <= 200; version++) byCount.record(version, [`s:${version}`], version);
    assert.equal(byCount.changedSince(197), null);
    assert.deepEqual([...(byCount.changedSince(198) ?? [])].sort(), ['s:199', 's:200']);
  });

  test('refuses a version that does not move forward', () => {
    const log = new ChangeLog(5, { maxAgeMs: 1000, maxSteps: 10 });
    assert.throws(() => log.record(5, [], 0), RangeError);
  });
});
