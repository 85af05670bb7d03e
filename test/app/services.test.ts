import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import pino from 'pino';
import { type App, createApp } from '../../src/app.js';
import { testServeConfig } from '../support/serveConfig.js';

const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-services-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let sites = 0;
async function newApp(raw: Parameters<typeof testServeConfig>[1] = {}): Promise<App> {
  sites += 1;
  const file = path.join(dir, `site-${sites}.sqlite`);
  return createApp(testServeConfig(file, { simulator: 'on', simulatorInterval: '50', ...raw }), {
    logger: pino({ level: 'silent' }),
  });
}

/**
 * Counts what an app leaves behind: its bus subscriptions, and the interval
 * timers created while it starts. Both must be gone once it has stopped.
 */
function watch(app: App) {
  const subscriptions = new Set<object>();
  const subscribe = app.bus.subscribe.bind(app.bus);
  app.bus.subscribe = (topic, handler) => {
    const token = {};
    subscriptions.add(token);
    const unsubscribe = subscribe(topic, handler);
    return () => {
      subscriptions.delete(token);
      unsubscribe();
    };
  };
  const intervals = new Set<unknown>();
  const { setInterval: realSet, clearInterval: realClear } = globalThis;
  globalThis.setInterval = ((...args: Parameters<typeof realSet>) => {
    const timer = realSet(...args);
    intervals.add(timer);
    return timer;
  }) as typeof realSet;
  globalThis.clearInterval = ((timer: Parameters<typeof realClear>[0]) => {
    intervals.delete(timer);
    realClear(timer);
  }) as typeof realClear;
  return {
    subscriptions: () => subscriptions.size,
    intervals: () => intervals.size,
    restore() {
      globalThis.setInterval = realSet;
      globalThis.clearInterval = realClear;
    },
  };
}

/** Listening sockets of this process; a closed one is let go of on the next turn of the event loop. */
async function listeningSockets(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  return process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;
}

describe('the app owns every background service', () => {
  test('start runs them in the documented order; stop ends every timer, subscription and socket', async () => {
    const before = await listeningSockets();
    const app = await newApp();
    assert.deepEqual(app.services, [
      'store',
      'bus',
      'market authority',
      'scheduled publisher',
      'session purge',
      'simulator',
      'market version watch',
      'page invalidation',
      'intraday recorder',
      'read counter',
      'market stream',
      'http',
    ]);
    const watched = watch(app);
    try {
      assert.equal(watched.subscriptions(), 0, 'nothing subscribes before start');
      const address = await app.start();
      assert.equal((await fetch(`${address}/`)).status, 200);
      // The version watch, the intraday recorder and the market stream follow market.changed; page invalidation content.changed.
      assert.equal(watched.subscriptions(), 4);
      // The scheduled publisher, the session purge, the simulator, the version watch and the market stream (the
      // read counter keeps one timeout at a time, which stop calls off: src/site/http/readCounter.test.ts).
      assert.equal(watched.intervals(), 5);
      assert.equal(await listeningSockets(), before + 1);
      await app.stop();
      assert.equal(watched.subscriptions(), 0, 'every subscription is gone');
      assert.equal(watched.intervals(), 0, 'every interval timer is cleared');
      assert.equal(await listeningSockets(), before, 'the HTTP server no longer listens');
      await app.stop();
    } finally {
      watched.restore();
      await app.stop();
    }
  });

  test('stream workers are a service of their own when configured; stop is safe without a start', async () => {
    const app = await newApp({ simulator: 'off', streamWorkers: '2' });
    assert.deepEqual(
      app.services.filter((name) => name.startsWith('stream') || name.startsWith('market stream')),
      ['stream workers', 'market stream'],
    );
    assert.equal(app.services.includes('simulator'), false);
    // Without the simulator the market clock moves the status line through the day's phases.
    assert.ok(app.services.includes('market clock'));
    await app.stop();
  });

  test('a start that fails stops what it had started, and the failure is passed on', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const app = await newApp({ port: String(port), host: '127.0.0.1' });
    const watched = watch(app);
    try {
      await assert.rejects(app.start(), /EADDRINUSE/);
      assert.equal(watched.subscriptions(), 0);
      assert.equal(watched.intervals(), 0);
      await app.stop();
    } finally {
      watched.restore();
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
