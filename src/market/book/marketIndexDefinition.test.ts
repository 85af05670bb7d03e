import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withClosingSession } from '../endOfDay/closingFileDay.js';
import type { IndexSpec } from '../indices/indexSpec.js';
import { paisa } from '../money/money.js';
import { defineInstrument } from '../quotes/instrument.js';
import { instantOf } from '../sessions/tradingCalendar.js';
import { applyDeskChange } from './deskChange.js';
import { Market, type MarketSetup } from './market.js';

const at = (time: string, date = '2023-01-31') => instantOf(date, time);

function listing(symbol: string, ldcp: number, shares: number | null, freeFloat: number | null) {
  return {
    instrument: defineInstrument({
      symbol,
      name: `${symbol} Ltd`,
      sector: 'Banks',
      sharesOutstanding: shares,
      freeFloat,
    }),
    ldcp: paisa(ldcp),
  };
}

// A: Rs 50 × 1,000 × 50 % = Rs 25,000; B: Rs 25 × 2,000 × 100 % = Rs 50,000.
const setup = (): MarketSetup => ({
  listings: [listing('A', 5000, 1000, 5000), listing('B', 2500, 2000, 10_000), listing('N', 1000, null, null)],
  indices: [],
  fx: [],
  ldcpTime: at('17:00', '2023-01-30'),
});

const spec = (overrides: Partial<IndexSpec> = {}): IndexSpec => ({
  code: 'BRX',
  name: 'House index',
  weighting: 'free-float',
  returnType: 'price',
  baseDate: '2023-01-30',
  baseValue: 100_000,
  constituents: [
    { symbol: 'A', shares: 1000, freeFloat: 5000 },
    { symbol: 'B', shares: 2000, freeFloat: 10_000 },
  ],
  ...overrides,
});

const trade = (symbol: string, price: number, time = at('10:00')) => ({
  symbol,
  price: paisa(price),
  volume: 100,
  time,
});

describe('Market.defineIndex', () => {
  test('an index defined from scratch stands at its starting level on the LDCPs and moves with its members', () => {
    const market = new Market(setup());
    assert.deepEqual(market.defineIndex(spec({ startLevel: 4_067_312 }), at('09:00')), { ok: true });
    const [index] = market.snapshot().indices;
    assert.equal(index?.code, 'BRX');
    assert.equal(index?.value, 4_067_312);
    assert.equal(index?.previousClose, 4_067_312);
    // B up 10 %: B holds 50,000 of the 75,000 capitalisation, so the index rises 2/3 × 10 %.
    assert.equal(market.applyTrade(trade('B', 2750)).ok, true);
    assert.equal(market.snapshot().indices[0]?.value, Math.round((4_067_312 * 80_000) / 75_000));
  });

  test('defined after members traded, it stands at their last prices against the LDCP level', () => {
    const market = new Market(setup());
    assert.equal(market.applyTrade(trade('A', 5500)).ok, true);
    assert.deepEqual(market.defineIndex(spec(), at('10:05')), { ok: true });
    const [index] = market.snapshot().indices;
    assert.equal(index?.previousClose, 100_000);
    // A up 10 % on 25,000 of 75,000.
    assert.equal(index?.value, Math.round((100_000 * 77_500) / 75_000));
  });

  test('full-cap weighting counts every share whatever the free float', () => {
    const market = new Market(setup());
    assert.deepEqual(market.defineIndex(spec({ weighting: 'full-cap' }), at('09:00')), { ok: true });
    assert.equal(market.applyTrade(trade('A', 5500)).ok, true);
    // A: 50,000 of 100,000 at full cap, up 10 %.
    assert.equal(market.snapshot().indices[0]?.value, 105_000);
    assert.equal(market.indexConstituents('BRX')?.[0]?.freeFloat, 10_000);
  });

  test('refuses what cannot be an index, changing nothing', () => {
    const market = new Market(setup());
    const version = market.version;
    const refusals: [Partial<IndexSpec>, RegExp][] = [
      [{ code: 'kse 100' }, /upper-case/],
      [{ name: ' ' }, /name/],
      [{ baseValue: 0 }, /base value/],
      [{ baseValue: 1.5 }, /base value/],
      [{ baseDate: '30/01/2023' }, /YYYY-MM-DD/],
      [{ constituents: [{ symbol: 'ZZZ', shares: 10, freeFloat: 10_000 }] }, /ZZZ is not listed/],
      [
        {
          constituents: [
            { symbol: 'A', shares: 1, freeFloat: 10_000 },
            { symbol: 'A', shares: 1, freeFloat: 10_000 },
          ],
        },
        /twice/,
      ],
      [{ maxWeightBasisPoints: 4000 }, /at least 3 members/],
      [{ constituents: [], startLevel: 100 }, /needs constituents/],
    ];
    for (const [overrides, reason] of refusals) {
      const result = market.defineIndex(spec(overrides), at('09:00'));
      assert.equal(result.ok, false, JSON.stringify(overrides));
      if (!result.ok) assert.match(result.reason, reason);
    }
    assert.equal(market.version, version);
    assert.equal(market.snapshot().indices.length, 0);
  });

  test('a weight cap of exactly 100 % / n is feasible', () => {
    const market = new Market(setup());
    assert.deepEqual(market.defineIndex(spec({ maxWeightBasisPoints: 5000 }), at('09:00')), { ok: true });
    assert.equal(market.snapshot().indices[0]?.value, 100_000);
  });

  test('a code is defined once; a published index becomes computed when given members', () => {
    const market = new Market(setup());
    assert.deepEqual(market.defineIndex(spec({ code: 'KSE100', constituents: [] }), at('09:00')), { ok: true });
    assert.deepEqual(
      market.publishedIndices().map((index) => index.code),
      ['KSE100'],
    );
    assert.equal(market.snapshot().indices.length, 0);
    assert.equal(market.defineIndex(spec({ code: 'KSE100', constituents: [] }), at('09:00')).ok, false);
    assert.deepEqual(market.defineIndex(spec({ code: 'KSE100', startLevel: 11_734_512 }), at('09:01')), {
      ok: true,
    });
    assert.deepEqual(market.publishedIndices(), []);
    assert.equal(market.snapshot().indices[0]?.value, 11_734_512);
    assert.equal(market.defineIndex(spec({ code: 'KSE100' }), at('09:02')).ok, false);
  });

  test('withdrawing an index removes it and its scheduled recompositions', () => {
    const market = new Market(setup());
    market.defineIndex(spec(), at('09:00'));
    assert.deepEqual(
      market.scheduleRecomposition('BRX', '2023-02-01', [{ symbol: 'A', shares: 10, freeFloat: 10_000 }]),
      { ok: true },
    );
    assert.deepEqual(market.withdrawIndex('BRX', at('09:30')), { ok: true });
    assert.equal(market.snapshot().indices.length, 0);
    assert.deepEqual(market.scheduledRecompositions(), []);
    assert.equal(market.withdrawIndex('BRX', at('09:30')).ok, false);
    // A trade in a former member moves no index.
    assert.equal(market.applyTrade(trade('A', 5100)).ok, true);
  });

  test('definitions, weighting and published indices survive a checkpoint and a replayed desk change', () => {
    const market = new Market(setup());
    applyDeskChange(market, { type: 'defineIndex', spec: spec({ weighting: 'full-cap' }) }, at('09:00'));
    applyDeskChange(market, { type: 'defineIndex', spec: spec({ code: 'KSE100', constituents: [] }) }, at('09:00'));
    const restored = new Market(setup());
    restored.restoreState(JSON.parse(JSON.stringify(market.exportState())));
    assert.deepEqual(restored.snapshot().indices, market.snapshot().indices);
    assert.deepEqual(restored.publishedIndices(), market.publishedIndices());
    for (const m of [market, restored]) assert.equal(m.applyTrade(trade('A', 5500)).ok, true);
    assert.equal(restored.snapshot().indices[0]?.value, 105_000);
    // A recomposition of a full-cap index stays full-cap.
    assert.deepEqual(restored.recomposeIndex('BRX', [{ symbol: 'A', shares: 1000, freeFloat: 2000 }], at('10:30')), {
      ok: true,
    });
    assert.equal(restored.indexConstituents('BRX')?.[0]?.freeFloat, 10_000);
  });
});

describe('Market.loadListing', () => {
  test('names, sectors and share counts from a listing survive a closing-file import', () => {
    const market = new Market(setup());
    const result = market.loadListing(
      [
        { symbol: 'A', name: 'Alpha Bank Limited', sector: 'Commercial Banks', sharesOutstanding: 1200 },
        { symbol: 'N', sharesOutstanding: 3000, freeFloat: 2500 },
        { symbol: 'Q', name: 'Quetta Textile Mills Limited', sector: 'Textile Composite', sharesOutstanding: 800 },
      ],
      at('08:00'),
    );
    assert.deepEqual(result, { ok: true });
    assert.equal(market.instrument('A')?.name, 'Alpha Bank Limited');
    assert.equal(market.instrument('A')?.sharesOutstanding, 1200);
    assert.equal(market.instrument('A')?.freeFloat, 5000);
    assert.equal(market.instrument('N')?.freeFloat, 2500);
    // Q waits for its first closing file.
    assert.equal(market.instrument('Q'), undefined);
    const row = { line: 1, date: '2023-01-31', sector: '0807', volume: 10, ldcp: paisa(5000) };
    const state = withClosingSession(market.exportState(), [
      {
        ...row,
        symbol: 'A',
        name: 'ALPHA BANK',
        open: paisa(5000),
        high: paisa(5100),
        low: paisa(4900),
        close: paisa(5050),
      },
      {
        ...row,
        symbol: 'Q',
        name: 'QUETTA TEX',
        open: paisa(900),
        high: paisa(900),
        low: paisa(900),
        close: paisa(900),
        ldcp: paisa(900),
      },
    ]);
    const after = new Market(setup());
    after.restoreState(state);
    assert.equal(after.instrument('A')?.name, 'Alpha Bank Limited');
    assert.equal(after.instrument('A')?.sector, 'Commercial Banks');
    assert.equal(after.instrument('Q')?.name, 'Quetta Textile Mills Limited');
    assert.equal(after.instrument('Q')?.sharesOutstanding, 800);
    assert.equal(after.quote('Q')?.last, 900);
  });

  test('a row with a first LDCP lists the stock; a bad row refuses the whole listing', () => {
    const market = new Market(setup());
    assert.deepEqual(
      market.loadListing([{ symbol: 'NEW', name: 'New Co', sector: 'Cement', ldcp: paisa(1234) }], at('08:00')),
      { ok: true },
    );
    assert.equal(market.quote('NEW')?.ldcp, 1234);
    const version = market.version;
    const refused = market.loadListing(
      [
        { symbol: 'A', name: 'Renamed' },
        { symbol: 'B', freeFloat: 20_000 },
      ],
      at('08:05'),
    );
    assert.equal(refused.ok, false);
    assert.equal(market.instrument('A')?.name, 'A Ltd');
    assert.equal(market.version, version);
    assert.equal(market.loadListing([{ symbol: 'X2', name: 'No sector', ldcp: paisa(100) }], at('08:05')).ok, false);
  });

  test('a desk amendment is kept as reference data, so the next closing file does not undo it', () => {
    const market = new Market(setup());
    assert.deepEqual(market.amendInstrument('B', { name: 'Bravo Cement Limited' }, at('08:00')), { ok: true });
    const state = withClosingSession(market.exportState(), [
      {
        line: 1,
        date: '2023-01-31',
        symbol: 'B',
        sector: '0804',
        name: 'BRAVO CEM',
        open: paisa(2500),
        high: paisa(2600),
        low: paisa(2500),
        close: paisa(2550),
        volume: 5,
        ldcp: paisa(2500),
      },
    ]);
    assert.equal(state.instruments.find((i) => i.symbol === 'B')?.name, 'Bravo Cement Limited');
    // The sector was not amended: the file's stands.
    assert.equal(state.instruments.find((i) => i.symbol === 'B')?.sector, '0804');
  });
});
