import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stopOnSignals } from './shutdown.js';

// A worker of `--workers N` is asked to stop by its primary and, when the whole process group is signalled,
// by the signal too: one request, in either order. Only a signal beyond that ends it at once.
test('a stop requested, then a signal, is one shutdown; a further signal ends the process at once', async () => {
  const exits: number[] = [];
  let stopped!: () => void;
  const stopping = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  const shutdown = stopOnSignals(
    { beginDrain: () => undefined, stop: () => stopping },
    {
      drainWindowMs: 0,
      timeoutMs: 60_000,
      logger: { info: () => undefined, error: () => undefined },
      exit: (code) => exits.push(code),
    },
  );
  shutdown.stop('SIGTERM');
  process.emit('SIGTERM');
  shutdown.stop('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(exits, [], 'the signal after the request is the same request');
  process.emit('SIGINT');
  assert.deepEqual(exits, [1], 'a signal beyond it ends the process');
  stopped();
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(exits, [1, 0]);
});
