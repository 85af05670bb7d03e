import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Paisa, paisa } from '../money/money.js';
import { defineInstrument } from '../quotes/instrument.js';
import type { Trade } from '../quotes/trade.js';
import { instantOf, PSX_CALENDAR } from '../sessions/tradingCalendar.js';
import { Market, type MarketSetup } from './market.js';

// 31 Jan 2023 was a Tuesday, 3 Feb a Friday.
const at = (time: string, date = '2023-01-31') => instantOf(date, time);

function listing(symbol: string, ldcp: number, options: { shares?: number; tickSize?: number } = {}) {
  return {
    instrument: defineInstrument({
      symbol,
      name: `${symbol} Limited`,
      sector: 'Test',
      sharesOutstanding: options.shares ?? 1000,
      freeFloat: 10_000,
      ...(options.tickSize === undefined ? {} : { tickSize: paisa(options.tickSize) }),
    }),
    ldcp: paisa(ldcp),
  };
}

const setup: MarketSetup = {
  listings: [listing('AVN', 6417), listing('ETF', 1000, { tickSize: 5 }), listing('BIG', 10_000, { shares: 1 })],
  indices: [
    {
      code: 'KSE30',
      name: 'KSE-30',
      baseValue: 1_000_000,
      constituents: [{ symbol: 'BIG', shares: 1, freeFloat: 10_000 }],
    },
  ],
  fx: [],
  ldcpTime: at('16:30', '2023-01-30'),
  calendar: PSX_CALENDAR,
};

const trade = (symbol: string, price: number, volume: number, time: Date, extra: Partial<Trade> = {}): Trade => ({
  symbol,
  // Not through paisa(): the malformed cases need a fractional price to reach the market.
  price: price as Paisa,
  volume,
  time,
  ...extra,
});

describe('trades to quotes', () => {
  test('turnover and VWAP: 100 @ 64.80 and 300 @ 64.17 → Rs 25,731.00, VWAP 64.3275 → 64.33', () => {
    const market = new Market(setup);
    assert.ok(market.applyTrade(trade('AVN', 6480, 100, at('10:00'))).ok);
    assert.ok(market.applyTrade(trade('AVN', 6417, 300, at('10:01'))).ok);
    const avn = market.snapshot().quotes.find((q) => q.symbol === 'AVN');
    assert.equal(avn?.turnover, 2_573_100);
    assert.equal(avn?.vwap, 6433);
    const untraded = market.snapshot().quotes.find((q) => q.symbol === 'ETF');
    assert.equal(untraded?.turnover, 0);
    assert.equal(untraded?.vwap, null);
  });

  test('rejections carry a kind and are counted by it', () => {
    const market = new Market(setup);
    const now = at('10:30');
    const cases: [Trade, string, Date?][] = [
      [trade('AVN', 6480.5, 100, at('10:00')), 'malformed'],
      [trade('AVN', 6480, 0, at('10:00')), 'malformed'],
      [trade('avn', 6480, 1, at('10:00')), 'malformed'],
      [trade('NOPE', 6480, 1, at('10:00')), 'unknown symbol'],
      [trade('AVN', 6480, 1, at('09:20')), 'outside session'],
      [trade('AVN', 6480, 1, at('12:30', '2023-02-03')), 'outside session'],
      [trade('AVN', 6480, 1, at('11:00', '2023-02-04')), 'outside session'],
      [trade('ETF', 1003, 1, at('10:00')), 'off tick'],
      [trade('AVN', 7100, 1, at('10:00')), 'outside band'],
      [trade('AVN', 6480, 1, at('11:30')), 'future', now],
      [trade('AVN', 6480, 1, at('10:00', '2023-01-30')), 'stale', now],
    ];
    for (const [t, code, clock] of cases) {
      const receipt = market.submitTrade(t, clock);
      assert.equal(receipt.ok ? 'accepted' : receipt.code, code, JSON.stringify(t));
    }
    assert.equal(market.version, 0);
    assert.deepEqual(market.stats(), {
      accepted: 0,
      duplicates: 0,
      outOfOrder: 0,
      rejected: {
        malformed: 3,
        'unknown symbol': 1,
        stale: 1,
        future: 1,
        'outside session': 3,
        'market halted': 0,
        'off tick': 1,
        'off lot': 0,
        'outside band': 1,
      },
    });
  });

  test('sessions are only enforced when asked: the demo trades at night', () => {
    const market = new Market({ ...setup, enforceSessions: false });
    assert.deepEqual(market.applyTrade(trade('AVN', 6480, 1, at('23:00'))), { ok: true });
    assert.equal(market.snapshot().status?.phase, 'closed');
  });

  test('a duplicate seq from the same feed is applied once; another feed may reuse it', () => {
    const market = new Market(setup);
    assert.deepEqual(market.applyTrade(trade('AVN', 6480, 100, at('10:00'), { seq: 7 })), { ok: true });
    assert.deepEqual(market.applyTrade(trade('AVN', 6480, 100, at('10:00'), { seq: 7 })), {
      ok: true,
      duplicate: true,
    });
    assert.deepEqual(market.applyTrade(trade('AVN', 6480, 100, at('10:00'), { seq: 7, feed: 'backup' })), {
      ok: true,
    });
    assert.equal(market.quote('AVN')?.volume, 200);
    assert.equal(market.stats().duplicates, 1);
    assert.equal(market.stats().accepted, 2);
  });

  test('an out-of-order trade counts in volume, high, low and turnover but does not move last', () => {
    const market = new Market(setup);
    market.applyTrade(trade('AVN', 6480, 100, at('10:05')));
    const receipt = market.submitTrade(trade('AVN', 6300, 50, at('10:01')));
    assert.deepEqual(receipt, { ok: true, duplicate: false, outOfOrder: true });
    const quote = market.quote('AVN');
    assert.equal(quote?.last, 6480);
    assert.equal(quote?.low, 6300);
    assert.equal(quote?.volume, 150);
    assert.deepEqual(quote?.time, at('10:05'));
    assert.equal(market.snapshot().quotes.find((q) => q.symbol === 'AVN')?.turnover, 648_000 + 315_000);
    assert.equal(market.stats().outOfOrder, 1);
  });
});

describe('status and the market halt', () => {
  test('the snapshot carries the status; tick moves it with the clock', () => {
    const market = new Market(setup);
    assert.deepEqual(market.snapshot().status, {
      phase: 'closed',
      text: 'Market closed',
      nextChange: at('09:15'),
    });
    assert.equal(market.tick(at('09:20'))?.text, 'Pre-open');
    assert.equal(market.version, 1);
    market.tick(at('09:25'));
    assert.equal(market.version, 1, 'same phase: no new version');
    assert.deepEqual(market.tick(at('10:00')), { phase: 'open', text: 'Market open', nextChange: at('15:30') });
    assert.equal(market.snapshot().status?.phase, 'open');
  });

  test('KSE30 ≥ 5 % from its close for five minutes halts trading for 60 minutes and a 5-minute pre-open', () => {
    const market = new Market(setup);
    // BIG alone makes KSE30: +6 % is 10,600.
    assert.ok(market.applyTrade(trade('BIG', 10_600, 1, at('10:00'))).ok);
    assert.ok(market.applyTrade(trade('AVN', 6480, 1, at('10:04'))).ok);
    assert.equal(market.tick(at('10:05'))?.phase, 'halted');
    assert.deepEqual(market.snapshot().status, { phase: 'halted', text: 'Market halted', nextChange: at('11:05') });
    const refused = market.submitTrade(trade('AVN', 6480, 1, at('10:30')));
    assert.equal(refused.ok ? '' : refused.code, 'market halted');
    assert.equal(market.isTradingAt(at('11:07')), false);
    assert.equal(market.tick(at('11:07'))?.phase, 'pre-open');
    assert.equal(market.tick(at('11:10'))?.phase, 'open');
    assert.ok(market.applyTrade(trade('BIG', 10_000, 1, at('11:11'))).ok);
    assert.equal(market.stats().rejected['market halted'], 1);
  });

  test('a move back inside 5 % within the five minutes prevents the halt', () => {
    const market = new Market(setup);
    market.applyTrade(trade('BIG', 10_600, 1, at('10:00')));
    market.applyTrade(trade('BIG', 10_400, 1, at('10:03')));
    assert.equal(market.tick(at('10:10'))?.phase, 'open');
  });

  test('no halt rule without enforced sessions unless one is given', () => {
    const { calendar: _calendar, ...withoutCalendar } = setup;
    const market = new Market(withoutCalendar);
    market.applyTrade(trade('BIG', 10_600, 1, at('10:00')));
    assert.equal(market.tick(at('10:30')), null);
    assert.ok(market.applyTrade(trade('BIG', 10_700, 1, at('10:31'))).ok);
  });
});

describe('end of day', () => {
  test('bars, closes to LDCPs, previous closes, untraded quotes, next trading date after a Friday', () => {
    const market = new Market(setup);
    const friday = (time: string) => at(time, '2023-02-03');
    market.applyTrade(trade('BIG', 10_200, 5, friday('09:30')));
    market.applyTrade(trade('BIG', 10_500, 5, friday('10:00')));
    market.applyTrade(trade('BIG', 9_900, 10, friday('15:00')));
    market.applyTrade(trade('BIG', 10_100, 10, friday('16:00')));
    assert.deepEqual([market.snapshot().indices[0]?.high, market.snapshot().indices[0]?.low], [1_050_000, 990_000]);
    const result = market.closeDay('2023-02-03', friday('17:30'));
    assert.ok(result.ok);
    const { endOfDay } = result;
    assert.equal(endOfDay.nextTradingDate, '2023-02-06');
    assert.deepEqual(
      endOfDay.instruments.find((b) => b.symbol === 'BIG'),
      {
        symbol: 'BIG',
        date: '2023-02-03',
        open: 10_200,
        high: 10_500,
        low: 9_900,
        close: 10_100,
        volume: 30,
        turnover: 51_000 + 52_500 + 99_000 + 101_000,
      },
    );
    assert.deepEqual(
      endOfDay.instruments.find((b) => b.symbol === 'AVN'),
      {
        symbol: 'AVN',
        date: '2023-02-03',
        open: 6417,
        high: 6417,
        low: 6417,
        close: 6417,
        volume: 0,
        turnover: 0,
      },
    );
    assert.deepEqual(endOfDay.indices[0], {
      code: 'KSE30',
      date: '2023-02-03',
      open: 1_020_000,
      high: 1_050_000,
      low: 990_000,
      close: 1_010_000,
      volume: 30,
      turnover: 303_500,
    });
    const big = market.snapshot().quotes.find((q) => q.symbol === 'BIG');
    assert.equal(big?.ldcp, 10_100);
    assert.equal(big?.volume, 0);
    assert.equal(big?.tickerText, 'BIG 101.00 No Change ▼ 0.00 (0%)');
    const index = market.snapshot().indices[0];
    assert.equal(index?.previousClose, 1_010_000);
    assert.equal(index?.change, 0);
    assert.equal(index?.high, undefined);
    assert.equal(market.lastClosedDate, '2023-02-03');
    assert.equal(market.closeDay('2023-02-03', friday('18:00')).ok, false);
  });

  test('closing rule: VWAP of the last 2 trades', () => {
    const market = new Market({ ...setup, closingRule: { kind: 'vwapOfLastTrades', trades: 2 } });
    market.applyTrade(trade('AVN', 6000, 1_000, at('10:00')));
    market.applyTrade(trade('AVN', 6400, 100, at('15:00')));
    market.applyTrade(trade('AVN', 6500, 300, at('15:10')));
    // (6400·100 + 6500·300) ÷ 400 = 6475.
    const result = market.closeDay('2023-01-31', at('16:30'));
    assert.ok(result.ok);
    assert.equal(result.endOfDay.instruments.find((b) => b.symbol === 'AVN')?.close, 6475);
    assert.equal(market.quote('AVN')?.ldcp, 6475 as Paisa);
    assert.throws(() => new Market({ ...setup, closingRule: { kind: 'vwapOfLastTrades', trades: 0 } }), /closing/);
  });

  test('seq numbers start afresh each day', () => {
    const market = new Market(setup);
    market.applyTrade(trade('AVN', 6480, 1, at('10:00'), { seq: 1 }));
    market.closeDay('2023-01-31', at('17:00'));
    assert.deepEqual(market.applyTrade(trade('AVN', 6480, 1, at('10:00', '2023-02-01'), { seq: 1 })), { ok: true });
  });
});
