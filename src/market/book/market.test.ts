import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paisa } from '../money/money.js';
import { defineInstrument } from '../quotes/instrument.js';
import { REFERENCE_INDEX_ROWS } from '../quotes/referenceTicker.fixture.js';
import { Market, type MarketSetup } from './market.js';

const close = new Date('2023-01-30T10:30:00Z');
const t1 = new Date('2023-01-31T04:40:00Z');
const t2 = new Date('2023-01-31T04:41:00Z');

function listing(symbol: string, ldcp: number, shares = 1000, freeFloat = 5000) {
  return {
    instrument: defineInstrument({
      symbol,
      name: `${symbol} Limited`,
      sector: 'Test',
      sharesOutstanding: shares,
      freeFloat,
    }),
    ldcp: paisa(ldcp),
  };
}

// Listed out of order on purpose: snapshots must sort.
const setup: MarketSetup = {
  listings: [listing('TRG', 11_010, 1000, 5000), listing('AVN', 6_417, 2000, 5000), listing('BOP', 463, 10_000, 5000)],
  indices: [
    {
      code: 'ALL',
      name: 'All',
      baseValue: 100_000,
      constituents: [
        { symbol: 'AVN', shares: 2000, freeFloat: 5000 },
        { symbol: 'TRG', shares: 1000, freeFloat: 5000 },
      ],
    },
    {
      code: 'AVNONLY',
      name: 'AVN only',
      baseValue: 200_000,
      constituents: [{ symbol: 'AVN', shares: 1, freeFloat: 10_000 }],
    },
  ],
  fx: [
    {
      pair: 'USD/PKR',
      market: 'interbank',
      buying: paisa(26_861),
      selling: paisa(26_861),
      previousBuying: paisa(26_861),
      previousSelling: paisa(26_861),
      source: 'SBP',
      time: close,
    },
  ],
  ldcpTime: close,
};

describe('Market', () => {
  test('starts untraded: quotes at LDCP in symbol order, indices at their previous close', () => {
    const market = new Market(setup);
    const snapshot = market.snapshot();
    assert.equal(snapshot.version, 0);
    assert.equal(snapshot.asOf, close);
    assert.deepEqual(
      snapshot.quotes.map((q) => q.symbol),
      ['AVN', 'BOP', 'TRG'],
    );
    assert.equal(snapshot.quotes[0]?.tickerText, 'AVN 64.17 No Change ▼ 0.00 (0%)');
    assert.equal(snapshot.quotes[0]?.time, close);
    assert.deepEqual(
      snapshot.indices.map((i) => [i.code, i.value, i.previousClose, i.change]),
      [
        ['ALL', 100_000, 100_000, 0],
        ['AVNONLY', 200_000, 200_000, 0],
      ],
    );
    assert.equal(snapshot.indices[0]?.tickerText, 'ALL 1,000 No Change 0 (0%)');
  });

  test('a trade moves its quote and every index that holds the symbol', () => {
    const market = new Market(setup);
    assert.deepEqual(market.applyTrade({ symbol: 'AVN', price: paisa(6480), volume: 500, time: t1 }), { ok: true });
    const snapshot = market.snapshot(t2);
    const avn = snapshot.quotes.find((q) => q.symbol === 'AVN');
    assert.ok(avn);
    assert.equal(avn.name, 'AVN Limited');
    assert.equal(avn.last, 6480);
    assert.equal(avn.change, 63);
    assert.equal(avn.changePercent, 0.98);
    assert.equal(avn.direction, 'up');
    assert.equal(avn.volume, 500);
    assert.equal(avn.open, 6480);
    assert.equal(avn.time, t1);
    assert.equal(avn.tickerText, 'AVN 64.80 Increased By ▲ 0.63 (0.98%)');
    // ALL: AVN Rs 64,170 + TRG Rs 55,050 free-float cap; AVN +Rs 630 → ×(119,850/119,220) = 1,005.28 points.
    const [all, avnOnly] = snapshot.indices;
    assert.equal(all?.value, 100_528);
    assert.equal(all?.change, 528);
    assert.equal(all?.changePercent, 0.53);
    assert.equal(all?.time, t1);
    assert.equal(avnOnly?.value, Math.round((200_000 * 6480) / 6417));
    assert.equal(snapshot.asOf, t2);
  });

  test('rejected trades change nothing and say why', () => {
    const market = new Market(setup);
    const before = market.snapshot();
    const outside = market.applyTrade({ symbol: 'AVN', price: paisa(7100), volume: 1, time: t1 });
    assert.equal(outside.ok, false);
    assert.match(outside.ok ? '' : outside.reason, /band/);
    const unknown = market.applyTrade({ symbol: 'NOPE', price: paisa(100), volume: 1, time: t1 });
    assert.deepEqual(unknown, { ok: false, reason: 'unknown symbol NOPE' });
    assert.equal(market.version, 0);
    assert.equal(market.snapshot(), before);
  });

  test('a quote read before a trade stays as it was; every snapshot after it shows the trade', () => {
    const market = new Market(setup);
    const held = market.quote('AVN');
    const viewBefore = market.snapshot().quotes.find((q) => q.symbol === 'AVN');
    market.applyTrade({ symbol: 'AVN', price: paisa(6450), volume: 100, time: t1 });
    market.applyTrade({ symbol: 'AVN', price: paisa(6460), volume: 100, time: t2 });
    const afterTwo = market.snapshot().quotes.find((q) => q.symbol === 'AVN');
    market.applyTrade({ symbol: 'AVN', price: paisa(6460), volume: 50, time: t2 });
    const afterThree = market.snapshot().quotes.find((q) => q.symbol === 'AVN');
    assert.deepEqual([held?.last, held?.volume, viewBefore?.volume], [6417, 0, 0]);
    assert.deepEqual([afterTwo?.last, afterTwo?.high, afterTwo?.volume], [6460, 6460, 200]);
    // The same price again: the view still moves with the volume.
    assert.deepEqual([afterThree?.last, afterThree?.volume], [6460, 250]);
    assert.deepEqual([market.quote('AVN')?.open, market.quote('AVN')?.volume], [6450, 250]);
  });

  test('the snapshot is built once per version and frozen', () => {
    const market = new Market(setup);
    const first = market.snapshot(t1);
    assert.equal(market.snapshot(t2), first);
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first.quotes));
    market.applyTrade({ symbol: 'BOP', price: paisa(473), volume: 10, time: t2 });
    assert.equal(market.version, 1);
    const second = market.snapshot(t2);
    assert.notEqual(second, first);
    assert.equal(second.version, 1);
    assert.equal(first.quotes.find((q) => q.symbol === 'BOP')?.last, 463, 'old snapshot untouched');
    assert.equal(second.quotes.find((q) => q.symbol === 'BOP')?.tickerText, 'BOP 4.73 Increased By ▲ 0.10 (2.16%)');
  });

  test('versions can start from a base so a restarted process never reuses one', () => {
    const market = new Market(setup);
    const before = market.snapshot(t1);
    market.startVersionsAfter(1_700_000_000_000_000);
    assert.equal(market.version, 1_700_000_000_000_000);
    assert.notEqual(market.snapshot(t1), before, 'a new version gives a new snapshot');
    market.applyTrade({ symbol: 'BOP', price: paisa(473), volume: 10, time: t2 });
    assert.equal(market.version, 1_700_000_000_000_001);
    market.startVersionsAfter(5);
    assert.equal(market.version, 1_700_000_000_000_001, 'never moves backwards');
    assert.throws(() => market.startVersionsAfter(Number.MAX_SAFE_INTEGER + 2), RangeError);
  });

  test('FX rates keep their previous close and bump the version', () => {
    const market = new Market(setup);
    assert.deepEqual(
      market.setFxRate({
        pair: 'USD/PKR',
        market: 'interbank',
        buying: paisa(26_789),
        selling: paisa(26_789),
        time: t1,
      }),
      { ok: true },
    );
    const [usd] = market.snapshot().fx;
    assert.deepEqual(usd, {
      pair: 'USD/PKR',
      market: 'interbank',
      buying: 26_789,
      selling: 26_789,
      previousBuying: 26_861,
      previousSelling: 26_861,
      source: 'SBP',
      time: t1,
    });
    assert.equal(market.version, 1);
    const bad = market.setFxRate({
      pair: 'USD/PKR',
      market: 'interbank',
      buying: paisa(26_789),
      selling: paisa(26_800),
      time: t1,
    });
    assert.equal(bad.ok, false);
    const crossed = market.setFxRate({
      pair: 'EUR/PKR',
      market: 'open',
      buying: paisa(29_200),
      selling: paisa(29_000),
      time: t1,
    });
    assert.equal(crossed.ok, false);
    assert.equal(market.version, 1);
    assert.ok(
      market.setFxRate({
        pair: 'EUR/PKR',
        market: 'open',
        buying: paisa(29_000),
        selling: paisa(29_200),
        time: t2,
        source: 'ECAP',
      }).ok,
    );
    assert.deepEqual(
      market.snapshot().fx.map((r) => [r.pair, r.market, r.previousBuying, r.source]),
      [
        ['USD/PKR', 'interbank', 26_861, 'SBP'],
        ['EUR/PKR', 'open', 29_000, 'ECAP'],
      ],
    );
  });

  test('recomposing an index keeps its level; the newcomer then moves it', () => {
    const market = new Market(setup);
    market.applyTrade({ symbol: 'AVN', price: paisa(6480), volume: 1, time: t1 });
    const before = market.snapshot().indices[0]?.value;
    const constituents = [
      { symbol: 'AVN', shares: 2000, freeFloat: 5000 },
      { symbol: 'BOP', shares: 10_000, freeFloat: 5000 },
    ];
    assert.deepEqual(market.recomposeIndex('ALL', constituents, t2), { ok: true });
    assert.equal(market.version, 2);
    assert.equal(market.snapshot().indices[0]?.value, before);
    market.applyTrade({ symbol: 'TRG', price: paisa(11_500), volume: 1, time: t2 });
    assert.equal(market.snapshot().indices[0]?.value, before, 'TRG left the index');
    market.applyTrade({ symbol: 'BOP', price: paisa(500), volume: 1, time: t2 });
    assert.ok((market.snapshot().indices[0]?.value ?? 0) > (before ?? 0), 'BOP joined it');
    assert.equal(market.recomposeIndex('NOPE', constituents, t2).ok, false);
    assert.equal(market.recomposeIndex('ALL', [{ symbol: 'ZZZ', shares: 1, freeFloat: 1 }], t2).ok, false);
    assert.equal(market.recomposeIndex('ALL', [{ symbol: 'AVN', shares: 1, freeFloat: 20_000 }], t2).ok, false);
    assert.equal(market.version, 4);
  });

  test('refuses duplicate symbols and non-positive LDCP', () => {
    assert.throws(() => new Market({ ...setup, listings: [listing('AVN', 1), listing('AVN', 2)] }), /twice/);
    assert.throws(() => new Market({ ...setup, indices: [], listings: [listing('AVN', 0)] }), /LDCP/);
  });
});

describe('reference index rows through a market', () => {
  // One share of a one-stock index priced at the level itself: LDCP = previous
  // close in hundredths, the trade = the displayed value. The ticker row must
  // come out exactly as the reference shows it.
  for (const [code, points, change, expected] of REFERENCE_INDEX_ROWS) {
    test(code, () => {
      const value = points * 100;
      const previousClose = value - Math.round(Number(change) * 100);
      const market = new Market({
        listings: [listing('X', previousClose)],
        indices: [
          { code, name: code, baseValue: previousClose, constituents: [{ symbol: 'X', shares: 1, freeFloat: 10_000 }] },
        ],
        fx: [],
        ldcpTime: close,
      });
      assert.ok(market.applyTrade({ symbol: 'X', price: paisa(value), volume: 1, time: t1 }).ok);
      const [index] = market.snapshot().indices;
      assert.equal(index?.value, value);
      assert.equal(index?.previousClose, previousClose);
      assert.equal(index?.tickerText, expected);
    });
  }
});
