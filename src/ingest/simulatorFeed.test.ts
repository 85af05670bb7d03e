import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInProcessBus } from '../bus/inProcessBus.js';
import { createDemoMarket } from '../market/demoMarket.js';
import { createSimulatorFeed } from './simulatorFeed.js';

const fixedNow = new Date('2023-01-31T05:00:00Z');

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(2);
  }
}

describe('createSimulatorFeed', () => {
  test('each tick prints trades and announces the new version once', async () => {
    const market = createDemoMarket(fixedNow);
    const bus = createInProcessBus();
    const seen: { version: number; marketVersion: number }[] = [];
    bus.subscribe('market.changed', ({ version }) => seen.push({ version, marketVersion: market.version }));
    const startVersion = market.version;
    const feed = createSimulatorFeed({ market, bus, intervalMs: 5, tradesPerTick: 4, seed: 1, clock: () => fixedNow });
    feed.start();
    feed.start(); // a second start must not add a second timer
    try {
      await waitFor(() => seen.length >= 3);
    } finally {
      feed.stop();
    }
    const versions = seen.map((s) => s.version);
    assert.ok(
      versions.every((v, i) => v > (versions[i - 1] ?? startVersion)),
      `versions ${versions}`,
    );
    // The version announced is the market's version after the whole tick, at least 4 trades on.
    for (const { version, marketVersion } of seen) assert.equal(version, marketVersion);
    assert.ok((versions[0] ?? 0) - startVersion >= 4);
    const traded = market.snapshot().quotes.filter((q) => q.time.getTime() === fixedNow.getTime() && q.volume > 10_000);
    assert.ok(traded.length > 0);
  });

  test('stop ends the ticks', async () => {
    const market = createDemoMarket(fixedNow);
    const bus = createInProcessBus();
    let messages = 0;
    bus.subscribe('market.changed', () => {
      messages += 1;
    });
    const feed = createSimulatorFeed({ market, bus, intervalMs: 5, tradesPerTick: 2, seed: 2 });
    feed.start();
    await waitFor(() => messages >= 1);
    feed.stop();
    const versionAtStop = market.version;
    const messagesAtStop = messages;
    await sleep(40);
    assert.equal(market.version, versionAtStop);
    assert.equal(messages, messagesAtStop);
  });

  test('refuses a non-positive interval', () => {
    const market = createDemoMarket(fixedNow);
    const bus = createInProcessBus();
    assert.throws(() => createSimulatorFeed({ market, bus, intervalMs: 0, tradesPerTick: 1, seed: 1 }), RangeError);
    assert.throws(() => createSimulatorFeed({ market, bus, intervalMs: 10, tradesPerTick: -1, seed: 1 }), RangeError);
  });
});
