import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { areaOf, summarizeProfile } from './cpuProfile.mjs';

const frame = (id, functionName, url, children = []) => ({
  id,
  callFrame: { functionName, url, lineNumber: 9 },
  children,
});

// root → handler (site) → send (fastify) → writev (native); root → (idle)
const profile = {
  nodes: [
    frame(1, '(root)', '', [2, 5]),
    frame(2, 'handler', 'file:///repo/dist/web/routes/articleRoutes.js', [3]),
    frame(3, 'send', 'file:///repo/node_modules/fastify/lib/reply.js', [4]),
    frame(4, 'writev', ''),
    frame(5, '(idle)', ''),
  ],
  startTime: 1000,
  endTime: 2000,
  // timestamps 1100, 1200, 1300, 1400, 1500
  samples: [4, 4, 3, 5, 2],
  timeDeltas: [100, 100, 100, 100, 100],
};

describe('summarizeProfile', () => {
  test('counts self time per function and area, and inclusive time up the stack', () => {
    const summary = summarizeProfile(profile);
    assert.equal(summary.samples, 5);
    assert.deepEqual(summary.self[0], { name: 'writev', count: 2, percent: 40 });
    const inclusive = Object.fromEntries(summary.inclusive.map((entry) => [entry.name, entry.count]));
    assert.equal(inclusive['handler dist/web/routes/articleRoutes.js:10'], 4);
    assert.equal(inclusive['send fastify/lib/reply.js:10'], 3);
    assert.equal(inclusive['(root)'], 5);
    const areas = Object.fromEntries(summary.areas.map((entry) => [entry.name, entry.count]));
    assert.deepEqual(areas, { '(native)': 2, fastify: 1, '(idle)': 1, 'site: dist/web/routes': 1 });
  });

  test('keeps only samples inside the time window', () => {
    const summary = summarizeProfile(profile, { fromUs: 1250, toUs: 1450 });
    assert.equal(summary.samples, 2);
    assert.deepEqual(
      new Set(summary.self.map((entry) => entry.name)),
      new Set(['send fastify/lib/reply.js:10', '(idle)']),
    );
  });
});

describe('areaOf', () => {
  test('names scoped packages and node internals', () => {
    assert.equal(areaOf(frame(1, 'x', 'file:///r/node_modules/@fastify/static/index.js')), '@fastify/static');
    assert.equal(areaOf(frame(1, 'x', 'node:internal/stream_base_commons')), 'node:internal');
    assert.equal(areaOf(frame(1, '(garbage collector)', '')), '(garbage collector)');
  });
});
