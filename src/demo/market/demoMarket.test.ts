import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REFERENCE_STOCK_ROWS } from '../../market/quotes/referenceTicker.fixture.js';
import { createDemoMarket, DEMO_INDICES, DEMO_LISTINGS, demoFxRates } from './demoMarket.js';

const now = new Date('2023-01-31T04:32:00Z');

describe('createDemoMarket', () => {
  test('the demo is labelled a simulated market, with the exchange phase beside it', () => {
    const saturday = createDemoMarket(new Date('2023-02-04T06:00:00Z'));
    assert.equal(saturday.snapshot().status?.phase, 'closed');
    assert.equal(saturday.snapshot().status?.text, 'Simulated market (exchange: Market closed)');
    // Tue 31 Jan 2023, 11:00 Karachi.
    const tuesday = createDemoMarket(new Date('2023-01-31T06:00:00Z'));
    assert.equal(tuesday.snapshot().status?.text, 'Simulated market (exchange: Market open)');
    assert.equal(tuesday.snapshot().status?.phase, 'open');
  });

  test('opens with the reference ticker, row for row', () => {
    const snapshot = createDemoMarket(now).snapshot();
    assert.deepEqual(
      snapshot.quotes.map((q) => q.tickerText),
      REFERENCE_STOCK_ROWS.map(([, , , row]) => row),
    );
    // One change per opening trade on top of the market as set up.
    assert.equal(snapshot.version, createDemoMarket(now, { replayReferenceTrades: false }).snapshot().version + 30);
  });

  test('without the opening trades every stock is at its LDCP and every index at its previous close', () => {
    const snapshot = createDemoMarket(now, { replayReferenceTrades: false }).snapshot();
    assert.ok(snapshot.quotes.every((q) => q.direction === 'unchanged' && q.last === q.ldcp));
    assert.deepEqual(
      snapshot.indices.map((i) => [i.code, i.value, i.previousClose]),
      [
        ['BR100', 396_740, 396_740],
        ['BR30', 1_418_490, 1_418_490],
        ['KSE100', 3_987_120, 3_987_120],
        ['KSE30', 1_489_730, 1_489_730],
      ],
    );
    assert.equal(snapshot.indices[2]?.tickerText, 'KSE100 39,871 No Change 0 (0%)');
  });

  test('after the opening trades the indices have risen with the market', () => {
    const snapshot = createDemoMarket(now).snapshot();
    for (const index of snapshot.indices) {
      assert.equal(index.direction, 'up', index.tickerText);
      assert.ok(index.changePercent > 0.5 && index.changePercent < 4, index.tickerText);
    }
  });

  test('LDCP is last − change; names are the companies', () => {
    const avn = DEMO_LISTINGS.find((l) => l.instrument.symbol === 'AVN');
    assert.equal(avn?.ldcp, 6417);
    assert.equal(avn?.instrument.name, 'Avanceon Limited');
    const silk = DEMO_LISTINGS.find((l) => l.instrument.symbol === 'SILK');
    assert.equal(silk?.ldcp, 89);
    assert.equal(DEMO_LISTINGS.length, 30);
    assert.equal(new Set(DEMO_LISTINGS.map((l) => l.instrument.symbol)).size, 30);
  });

  test('every index constituent is a listed stock', () => {
    const listed = new Set(DEMO_LISTINGS.map((l) => l.instrument.symbol));
    for (const index of DEMO_INDICES) {
      assert.ok(index.constituents.length >= 10, index.code);
      for (const c of index.constituents) assert.ok(listed.has(c.symbol), `${index.code}: ${c.symbol}`);
    }
  });

  test('demo FX: USD/PKR interbank 267.89 and open-market pairs, marked Demo', () => {
    const rates = demoFxRates(now);
    const interbank = rates.find((r) => r.pair === 'USD/PKR' && r.market === 'interbank');
    assert.equal(interbank?.buying, 26_789);
    assert.equal(interbank?.selling, 26_789);
    for (const pair of ['USD/PKR', 'EUR/PKR', 'GBP/PKR', 'SAR/PKR', 'AED/PKR']) {
      const open = rates.find((r) => r.pair === pair && r.market === 'open');
      assert.ok(open && open.selling > open.buying, pair);
    }
    assert.ok(rates.every((r) => r.source === 'Demo' && r.time === now));
  });
});
