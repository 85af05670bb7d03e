import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDemoMarket } from '../demo/market/demoMarket.js';
import { Market } from '../market/book/market.js';
import { paisa } from '../market/money/money.js';
import { defineInstrument } from '../market/quotes/instrument.js';
import { priceBand } from '../market/quotes/priceBand.js';
import { karachiDateKey } from '../shared/pakistanTime.js';
import { createPrng } from '../shared/prng.js';
import { createSimulator, SIMULATED_FX_SOURCE } from './simulator.js';

const start = new Date('2023-01-31T04:32:00Z');

describe('createSimulator', () => {
  test('10,000 steps: every trade accepted, on tick and in band, prices stay near LDCP', () => {
    const market = createDemoMarket(start);
    const simulator = createSimulator({ seed: 42 });
    let trades = 0;
    for (let step = 0; step < 10_000; step += 1) {
      const now = new Date(start.getTime() + step * 1000);
      for (const trade of simulator.nextTrades(market, now, 3)) {
        const quote = market.quote(trade.symbol);
        const rules = market.tradingRules(trade.symbol);
        assert.ok(quote && rules);
        const band = priceBand(quote.ldcp, rules.tickSize, rules.band);
        assert.ok(trade.price >= band.lower && trade.price <= band.upper, `${trade.symbol} ${trade.price}`);
        assert.equal(trade.price % rules.tickSize, 0);
        assert.equal(trade.volume % rules.lotSize, 0);
        assert.ok(trade.volume > 0);
        const outcome = market.applyTrade(trade);
        assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
        trades += 1;
      }
    }
    assert.equal(trades, 30_000);
    const snapshot = market.snapshot();
    // Mean reversion: after ~1,000 trades per stock, the average stock is within a few % of LDCP.
    const meanAbsPercent =
      snapshot.quotes.reduce((sum, q) => sum + Math.abs(q.changePercent), 0) / snapshot.quotes.length;
    assert.ok(meanAbsPercent < 3, `mean |change| ${meanAbsPercent}%`);
    // And it does move.
    assert.ok(snapshot.quotes.some((q) => q.direction !== 'unchanged'));
    for (const index of snapshot.indices) assert.ok(Math.abs(index.changePercent) < 5, index.tickerText);
  });

  test('the same seed replays the same trades; another seed does not', () => {
    const a = createSimulator({ seed: 7 }).nextTrades(createDemoMarket(start), start, 50);
    const b = createSimulator({ seed: 7 }).nextTrades(createDemoMarket(start), start, 50);
    const c = createSimulator({ seed: 8 }).nextTrades(createDemoMarket(start), start, 50);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
    assert.deepEqual(
      a.map((t) => t.seq),
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  test('trades on a coarser tick and lot stay on them, even from an off-tick LDCP', () => {
    const market = new Market({
      listings: [
        {
          instrument: defineInstrument({
            symbol: 'ETF',
            name: 'ETF',
            sector: 'ETF',
            sharesOutstanding: 1e6,
            freeFloat: 10_000,
            tickSize: paisa(5),
            lotSize: 500,
          }),
          ldcp: paisa(1003),
        },
      ],
      indices: [],
      fx: [],
      ldcpTime: start,
    });
    const simulator = createSimulator({ seed: 1, stepBasisPoints: 300 });
    for (let i = 0; i < 2000; i += 1) {
      for (const trade of simulator.nextTrades(market, start, 1)) {
        assert.equal(trade.price % 5, 0);
        assert.equal(trade.volume % 500, 0);
        assert.ok(market.applyTrade(trade).ok);
      }
    }
  });

  test('FX moves are small, valid and keep the spread', () => {
    const market = createDemoMarket(start);
    const simulator = createSimulator({ seed: 3, fxMoveChance: 1 });
    for (let i = 0; i < 1000; i += 1) {
      for (const update of simulator.nextFxRates(market, start)) {
        const before = market.fxRates().find((r) => r.pair === update.pair && r.market === update.market);
        assert.ok(before);
        assert.equal(update.selling - update.buying, before.selling - before.buying);
        assert.ok(Math.abs(update.buying - before.buying) <= 50);
        assert.ok(market.setFxRate(update).ok);
      }
    }
    for (const rate of market.fxRates()) {
      assert.ok(Math.abs(rate.buying - rate.previousBuying) < rate.previousBuying * 0.02, rate.pair);
    }
  });
});

test('a rate the desk entered today is never moved by the simulation that day; the next day it moves again', () => {
  const market = createDemoMarket(start);
  const desk = market.fxRates().find((r) => r.pair === 'USD/PKR' && r.market === 'interbank');
  assert.ok(desk);
  assert.ok(
    market.setFxRate({ ...desk, buying: paisa(27_750), selling: paisa(27_750), time: start, source: 'SBP' }).ok,
  );
  const simulator = createSimulator({ seed: 5, fxMoveChance: 1 });
  for (let minute = 0; minute < 600; minute += 1) {
    const now = new Date(start.getTime() + minute * 60_000);
    if (karachiDateKey(now) !== karachiDateKey(start)) break;
    const updates = simulator.nextFxRates(market, now);
    assert.ok(!updates.some((u) => u.pair === 'USD/PKR' && u.market === 'interbank'), `moved at ${now.toISOString()}`);
    assert.ok(updates.length > 0, 'the other rates still move');
    assert.ok(updates.every((u) => u.source === SIMULATED_FX_SOURCE));
    for (const update of updates) assert.ok(market.setFxRate(update).ok);
  }
  const tomorrow = new Date(start.getTime() + 24 * 60 * 60_000);
  assert.ok(simulator.nextFxRates(market, tomorrow).some((u) => u.pair === 'USD/PKR' && u.market === 'interbank'));
});

test('prng: deterministic, in range', () => {
  const a = createPrng(123);
  const b = createPrng(123);
  const draws = Array.from({ length: 1000 }, () => a.next());
  assert.deepEqual(
    draws,
    Array.from({ length: 1000 }, () => b.next()),
  );
  assert.ok(draws.every((x) => x >= 0 && x < 1));
  const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05);
  const dice = Array.from({ length: 1000 }, () => a.integer(1, 6));
  assert.ok(dice.every((d) => Number.isInteger(d) && d >= 1 && d <= 6));
  assert.equal(new Set(dice).size, 6);
});
