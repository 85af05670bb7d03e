import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { decodeEvent, encodeEvent } from '../../store/market/marketEventCodec.js';
import { paisa } from '../money/money.js';
import { defineInstrument } from '../quotes/instrument.js';
import { instantOf, PSX_CALENDAR } from '../sessions/tradingCalendar.js';
import { applyDeskChange, type DeskChange } from './deskChange.js';
import { Market, type MarketSetup } from './market.js';
import { applyMarketEvent, type MarketEvent } from './marketEvent.js';

const at = (time: string, date = '2023-01-31') => instantOf(date, time);

const stock = (symbol: string, shares: number, freeFloat: number) =>
  defineInstrument({ symbol, name: `${symbol} Limited`, sector: 'Test', sharesOutstanding: shares, freeFloat });

// The worked example of docs/market-math.md §3: A and B at Rs 50,000 free-float cap each, 1,000.00 points.
function setup(): MarketSetup {
  return {
    listings: [
      { instrument: stock('AAA', 1000, 5000), ldcp: paisa(10_000) },
      { instrument: stock('BBB', 4000, 2500), ldcp: paisa(5000) },
    ],
    indices: [
      {
        code: 'TEST',
        name: 'Test index',
        baseValue: 100_000,
        constituents: [
          { symbol: 'AAA', shares: 1000, freeFloat: 5000 },
          { symbol: 'BBB', shares: 4000, freeFloat: 2500 },
        ],
      },
      {
        code: 'SOLO',
        name: 'One stock',
        baseValue: 50_000,
        constituents: [{ symbol: 'AAA', shares: 1000, freeFloat: 5000 }],
      },
    ],
    fx: [],
    ldcpTime: at('16:30', '2023-01-30'),
    calendar: PSX_CALENDAR,
    enforceSessions: false,
  };
}

const value = (market: Market, code: string) => market.snapshot().indices.find((i) => i.code === code)?.value;

describe('listing an instrument', () => {
  test('a new stock is quoted untraded at its LDCP, in symbol order, and can trade at once', () => {
    const market = new Market(setup());
    const version = market.version;
    const change = applyDeskChange(
      market,
      { type: 'listInstrument', instrument: stock('ABC', 500, 4000), ldcp: paisa(2500) },
      at('09:00'),
    );
    assert.deepEqual(change, { ok: true });
    assert.ok(market.version > version);
    assert.deepEqual(
      market.snapshot().quotes.map((q) => q.symbol),
      ['AAA', 'ABC', 'BBB'],
    );
    assert.equal(market.quote('ABC')?.ldcp, 2500);
    assert.ok(market.applyTrade({ symbol: 'ABC', price: paisa(2600), volume: 100, time: at('10:00') }).ok);
    assert.equal(value(market, 'TEST'), 100_000, 'a new listing joins no index by itself');
  });

  test('a symbol listed twice, an impossible figure or an empty name is refused and changes nothing', () => {
    const market = new Market(setup());
    const version = market.version;
    const refusals: DeskChange[] = [
      { type: 'listInstrument', instrument: stock('AAA', 5, 100), ldcp: paisa(100) },
      { type: 'listInstrument', instrument: { ...stock('NEW', 5, 100), sharesOutstanding: 0 }, ldcp: paisa(100) },
      { type: 'listInstrument', instrument: { ...stock('NEW', 5, 100), name: ' ' }, ldcp: paisa(100) },
      { type: 'listInstrument', instrument: stock('NEW', 5, 100), ldcp: paisa(0) },
    ];
    for (const change of refusals) assert.equal(applyDeskChange(market, change, at('09:00')).ok, false);
    assert.equal(market.version, version);
    assert.equal(market.instrument('NEW'), undefined);
  });
});

describe('amending an instrument', () => {
  test('a new share count or free float leaves every index holding the stock as it was', () => {
    const market = new Market(setup());
    assert.ok(market.applyTrade({ symbol: 'AAA', price: paisa(11_000), volume: 10, time: at('10:00') }).ok);
    assert.equal(value(market, 'TEST'), 105_000);
    const change = market.amendInstrument(
      'AAA',
      { sharesOutstanding: 2000, freeFloat: 4000, name: 'AAA Holdings' },
      at('10:05'),
    );
    assert.deepEqual(change, { ok: true });
    assert.deepEqual(market.instrument('AAA'), {
      ...stock('AAA', 2000, 4000),
      name: 'AAA Holdings',
    });
    assert.equal(value(market, 'TEST'), 105_000);
    assert.equal(value(market, 'SOLO'), 55_000);
    assert.deepEqual(
      market.indexConstituents('TEST')?.find((c) => c.symbol === 'AAA'),
      { symbol: 'AAA', shares: 1000, freeFloat: 5000 },
    );
    assert.equal(market.snapshot().quotes.find((q) => q.symbol === 'AAA')?.name, 'AAA Holdings');
    // The index still counts its own 1,000 shares at 50 %: 1,000 × 105 ÷ 100 + 500.
    assert.ok(market.applyTrade({ symbol: 'AAA', price: paisa(10_500), volume: 10, time: at('10:10') }).ok);
    assert.equal(value(market, 'TEST'), 102_500);
  });

  test('a free float no index could hold is still the instrument’s own figure', () => {
    const market = new Market(setup());
    assert.deepEqual(market.amendInstrument('AAA', { freeFloat: 0 }, at('10:00')), { ok: true });
    assert.equal(market.instrument('AAA')?.freeFloat, 0);
    assert.equal(value(market, 'SOLO'), 50_000);
    assert.equal(market.amendInstrument('NOPE', { name: 'x' }, at('10:00')).ok, false);
    const before = market.exportState();
    assert.equal(market.amendInstrument('AAA', { freeFloat: 10_001 }, at('10:00')).ok, false);
    assert.deepEqual(market.exportState(), before);
  });

  test('property: desk amendments between trades never move an index’s holdings, divisor or level', () => {
    const amendment = fc.record(
      {
        symbol: fc.constantFrom('AAA', 'BBB'),
        sharesOutstanding: fc.integer({ min: 1, max: 1_000_000 }),
        freeFloat: fc.integer({ min: 0, max: 10_000 }),
      },
      { requiredKeys: ['symbol'] },
    );
    const trade = fc.record({ symbol: fc.constantFrom('AAA', 'BBB'), move: fc.integer({ min: -400, max: 400 }) });
    fc.assert(
      fc.property(fc.array(fc.oneof(amendment, trade), { maxLength: 30 }), (steps) => {
        const market = new Market(setup());
        let minute = 0;
        for (const step of steps) {
          const time = new Date(at('10:00').getTime() + ++minute * 1000);
          if ('move' in step) {
            const ldcp = market.quote(step.symbol)?.ldcp ?? 0;
            market.applyTrade({ symbol: step.symbol, price: paisa(ldcp + step.move), volume: 1, time });
            continue;
          }
          const held = (code: string) =>
            JSON.stringify(market.exportState().indices.find((i) => i.calculator.code === code));
          const before = { test: held('TEST'), solo: held('SOLO'), levels: market.snapshot().indices };
          const { symbol, ...figures } = step;
          assert.ok(market.amendInstrument(symbol, figures, time).ok);
          assert.equal(held('TEST'), before.test);
          assert.equal(held('SOLO'), before.solo);
          assert.deepEqual(
            market.snapshot().indices.map((i) => i.value),
            before.levels.map((i) => i.value),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the calendar as state', () => {
  test('a holiday declared for today closes the market now and moves the next trading date', () => {
    const market = new Market(setup());
    market.tick(at('10:00'));
    assert.equal(market.snapshot().status?.phase, 'open');
    assert.ok(market.editCalendar({ type: 'addHoliday', date: '2023-01-31' }, at('10:01')).ok);
    assert.equal(market.snapshot().status?.phase, 'closed');
    assert.ok(market.editCalendar({ type: 'addHoliday', date: '2023-02-01' }, at('10:02')).ok);
    const closed = market.closeDay('2023-01-30', at('10:03'));
    assert.ok(closed.ok);
    assert.equal(closed.ok && closed.endOfDay.nextTradingDate, '2023-02-02');
  });

  test('the edited calendar survives export and restore; an old state without one keeps the setup calendar', () => {
    const market = new Market(setup());
    market.editCalendar({ type: 'addHoliday', date: '2023-02-06' }, at('10:00'));
    const restored = new Market(setup());
    restored.restoreState(market.exportState());
    assert.deepEqual(restored.calendar?.holidays, ['2023-02-06']);
    const { calendar: _dropped, ...oldState } = market.exportState();
    const fromOld = new Market(setup());
    fromOld.restoreState(oldState);
    assert.deepEqual(fromOld.calendar, PSX_CALENDAR);
  });
});

test('desk changes go through the log codec and replay to the same market', () => {
  const events: MarketEvent[] = [
    {
      kind: 'deskChange',
      change: { type: 'listInstrument', instrument: stock('ABC', 500, 4000), ldcp: paisa(2500) },
      time: at('09:00'),
    },
    {
      kind: 'deskChange',
      change: { type: 'amendInstrument', symbol: 'BBB', amendment: { sharesOutstanding: 8000 } },
      time: at('09:01'),
    },
    {
      kind: 'deskChange',
      change: {
        type: 'scheduleRecomposition',
        recomposition: {
          code: 'TEST',
          effective: '2023-02-01',
          constituents: [
            { symbol: 'AAA', shares: 1000, freeFloat: 5000 },
            { symbol: 'ABC', shares: 500, freeFloat: 4000 },
          ],
        },
      },
      time: at('09:02'),
    },
    {
      kind: 'deskChange',
      change: { type: 'editCalendar', edit: { type: 'addHoliday', date: '2023-02-06' } },
      time: at('09:03'),
    },
  ];
  const live = new Market(setup());
  const replayed = new Market(setup());
  for (const event of events) {
    assert.deepEqual(applyMarketEvent(live, event), { kind: 'deskChange', change: { ok: true } });
    const encoded = encodeEvent(event);
    const decoded = decodeEvent({
      kind: encoded.kind,
      feed: encoded.feed,
      seq: encoded.seq,
      body_json: encoded.bodyJson,
      event_time: encoded.eventTime,
    });
    assert.deepEqual(decoded, event);
    applyMarketEvent(replayed, decoded);
  }
  assert.deepEqual(replayed.exportState(), live.exportState());
  assert.equal(live.scheduledRecompositions().length, 1);
});
