import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Readiness } from './readiness.js';

test('ready only when every check passes; the failing ones are named', async () => {
  const readiness = new Readiness();
  let databaseUp = true;
  readiness.register('database', () => ({ ok: databaseUp, status: databaseUp ? 'up' : 'unreachable' }));
  readiness.register('bus', async () => ({ ok: true, status: 'connected' }));
  const up = await readiness.evaluate();
  assert.equal(up.ready, true);
  assert.equal(up.status, 'ready');
  assert.deepEqual(up.failing, []);
  databaseUp = false;
  const down = await readiness.evaluate();
  assert.equal(down.ready, false);
  assert.deepEqual(down.failing, ['database']);
  assert.equal(down.checks.database?.status, 'unreachable');
  assert.equal(down.checks.bus?.ok, true);
});

test('a check that throws or does not answer in time fails; a change of state is reported once', async () => {
  const changes: string[] = [];
  const readiness = new Readiness({
    timeoutMs: 30,
    onChange: (name, report) => changes.push(`${name} ${report.status}`),
  });
  readiness.register('lease', () => {
    throw new Error('no lease table');
  });
  readiness.register('slow', () => new Promise(() => undefined));
  const answer = await readiness.evaluate();
  assert.deepEqual([...answer.failing].sort(), ['lease', 'slow']);
  assert.equal(answer.checks.slow?.status, 'timeout');
  await readiness.evaluate();
  assert.deepEqual(changes.sort(), ['lease unreachable', 'slow timeout']);
});

test('draining answers not ready at once, whatever the checks say', async () => {
  const readiness = new Readiness();
  readiness.register('database', () => ({ ok: true, status: 'up' }));
  readiness.beginDrain();
  const answer = await readiness.evaluate();
  assert.equal(answer.ready, false);
  assert.equal(answer.status, 'draining');
  assert.deepEqual(answer.failing, ['draining']);
});

test('two checks may not share a name; a removed check is no longer asked', async () => {
  const readiness = new Readiness();
  const remove = readiness.register('engine lease', () => ({ ok: false, status: 'none' }));
  assert.throws(() => readiness.register('engine lease', () => ({ ok: true, status: 'held' })), /already registered/);
  remove();
  assert.equal((await readiness.evaluate()).ready, true);
});
