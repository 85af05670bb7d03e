import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDemoMarket } from '../../src/demo/market/demoMarket.js';
import type { Market } from '../../src/market/book/market.js';
import { paisa } from '../../src/market/money/money.js';
import { MarketStreamHub, type StreamSink } from '../../src/site/stream/marketStreamHub.js';
import { EVERYTHING } from '../../src/site/stream/streamFilter.js';
import { TEST_NOW } from './siteFixture.js';

/** A client socket whose backlog the test sets: what it was written, and `writableLength` as the kernel left it. */
class FakeSink implements StreamSink {
  readonly written: Buffer[] = [];
  writableLength = 0;
  destroyed = false;
  write(chunk: Buffer): boolean {
    this.written.push(chunk);
    return true;
  }
  end(): void {}
  destroy(): void {
    this.destroyed = true;
  }
  once(): void {}
  on(): void {}

  /** The `update` events written so far, as id and the quotes they carry by symbol. */
  updates(): { id: number; quotes: Map<string, { last: string; volume: string }> }[] {
    const text = Buffer.concat(this.written).toString('utf8');
    return [...text.matchAll(/event: update\nid: (\d+)\ndata: (.*)\n\n/g)].map((match) => {
      const data = JSON.parse(match[2] ?? '{}') as { quotes: { symbol: string; last: string; volume: string }[] };
      return { id: Number(match[1]), quotes: new Map(data.quotes.map((quote) => [quote.symbol, quote])) };
    });
  }
}

function trade(market: Market, symbol: string, ticks: number): void {
  const quote = market.quote(symbol);
  const rules = market.tradingRules(symbol);
  assert.ok(quote && rules, `no quote for ${symbol}`);
  const outcome = market.applyTrade({
    symbol,
    price: paisa(quote.last + ticks * rules.tickSize),
    volume: rules.lotSize * 100,
    time: TEST_NOW,
  });
  assert.ok(outcome.ok, `trade refused: ${outcome.ok ? '' : outcome.reason}`);
}

describe('market stream: a reader that falls behind', () => {
  test('is skipped while backed up, then sent one update with every change it missed, at the latest values', () => {
    const market = createDemoMarket(TEST_NOW);
    let now = 0;
    const hub = new MarketStreamHub({
      market,
      clock: () => now,
      limits: { softPendingBytes: 1024, hardPendingBytes: 1024 * 1024, maxBlockedMs: 30_000, heartbeatMs: 3_600_000 },
    });
    const [first, second] = market.symbols();
    assert.ok(first && second, 'the demo market lists two stocks');
    const slow = new FakeSink();
    const flowing = new FakeSink();
    hub.connect(slow, EVERYTHING, null);
    hub.connect(flowing, EVERYTHING, null);

    // The slow reader's socket holds more than the soft limit: the two changes pass it by.
    slow.writableLength = 64 * 1024;
    trade(market, first, 1);
    now += 100;
    hub.tick('announced');
    trade(market, second, -1);
    now += 100;
    hub.tick('announced');
    assert.equal(flowing.updates().length, 2, 'the flowing reader gets each change');
    assert.equal(slow.updates().length, 0, 'nothing is written behind a backed-up socket');
    const behind = hub.stats();
    assert.equal(behind.lagging, 1);
    assert.equal(behind.blocked, 1);

    // It drains; the next pass, with the market still, brings it up to date in one event.
    slow.writableLength = 0;
    now += 1000;
    hub.tick('fallback');
    const caughtUp = slow.updates();
    assert.equal(caughtUp.length, 1, 'one conflated update');
    const latest = flowing.updates().at(-1);
    assert.ok(latest);
    assert.equal(caughtUp[0]?.id, latest.id, 'the catch-up carries the latest version');
    assert.equal(caughtUp[0]?.id, market.version);
    for (const symbol of [first, second]) {
      const sent = caughtUp[0]?.quotes.get(symbol);
      assert.ok(sent, `the catch-up leaves out ${symbol}, which changed while the reader was behind`);
      assert.deepEqual(
        sent,
        flowing
          .updates()
          .findLast((update) => update.quotes.has(symbol))
          ?.quotes.get(symbol),
      );
    }
    const after = hub.stats();
    assert.equal(after.lagging, 0);
    assert.equal(after.blocked, 0);
    assert.deepEqual(after.dropped, { overflow: 0, blocked: 0 });
    assert.equal(slow.destroyed, false);
  });
});
