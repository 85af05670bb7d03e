import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInProcessBus } from '../bus/inProcessBus.js';
import { createDemoMarket } from '../demo/market/demoMarket.js';
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

  test('closes the day when the Karachi date changes and rolls closes into LDCPs', async () => {
    // Tue 31 Jan 2023 23:50 Karachi, then Wed 1 Feb 00:10.
    let now = new Date('2023-01-31T18:50:00Z');
    const market = createDemoMarket(now);
    const bus = createInProcessBus();
    let messages = 0;
    bus.subscribe('market.changed', () => {
      messages += 1;
    });
    const feed = createSimulatorFeed({ market, bus, intervalMs: 5, tradesPerTick: 2, seed: 3, clock: () => now });
    feed.start();
    try {
      await waitFor(() => messages >= 1);
      const ldcpBefore = market.quote('AVN')?.ldcp;
      now = new Date('2023-01-31T19:10:00Z');
      await waitFor(() => market.lastClosedDate !== null);
      assert.equal(market.lastClosedDate, '2023-01-31');
      // The opening replay moved AVN from 64.17 to 64.80, so its new LDCP is not the old one.
      assert.equal(ldcpBefore, 6417);
      assert.notEqual(market.quote('AVN')?.ldcp, 6417);
    } finally {
      feed.stop();
    }
  });

  test('with sessions enforced the feed prints nothing while the market is closed', async () => {
    // Sat 4 Feb 2023, 11:00 Karachi.
    const saturday = new Date('2023-02-04T06:00:00Z');
    const market = createDemoMarket(saturday, { replayReferenceTrades: false, enforceSessions: true });
    const bus = createInProcessBus();
    const feed = createSimulatorFeed({ market, bus, intervalMs: 5, tradesPerTick: 4, seed: 4, clock: () => saturday });
    feed.start();
    await sleep(40);
    feed.stop();
    assert.ok(market.snapshot().quotes.every((q) => q.volume === 0));
    assert.equal(market.snapshot().status?.text, 'Market closed');
  });

  test('refuses a non-positive interval', () => {
    const market = createDemoMarket(fixedNow);
    const bus = createInProcessBus();
    assert.throws(() => createSimulatorFeed({ market, bus, intervalMs: 0, tradesPerTick: 1, seed: 1 }), RangeError);
    assert.throws(() => createSimulatorFeed({ market, bus, intervalMs: 10, tradesPerTick: -1, seed: 1 }), RangeError);
  });
});
