import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { paisa } from '../money/money.js';
import { defineInstrument } from '../quotes/instrument.js';
import { priceBand } from '../quotes/priceBand.js';
import { nextDate } from '../sessions/tradingCalendar.js';
import { Market, type MarketSetup } from './market.js';

// The market keeps each symbol's route (quote, rules, band, tally, index members) from trade to trade.
// A twin restored from the market's exported state has none, so after any mix of trades and desk
// changes the same trade must do the same to both: a stale route would show as a difference.

function listing(symbol: string, ldcp: number, shares: number, freeFloat = 10_000) {
  return {
    instrument: defineInstrument({ symbol, name: symbol, sector: 'Test', sharesOutstanding: shares, freeFloat }),
    ldcp: paisa(ldcp),
  };
}

const members = [
  { symbol: 'A', shares: 1000, freeFloat: 10_000 },
  { symbol: 'B', shares: 2000, freeFloat: 5_000 },
  { symbol: 'C', shares: 1000, freeFloat: 10_000 },
];

const setup: MarketSetup = {
  listings: [
    listing('A', 5000, 1000),
    listing('B', 2500, 2000, 5000),
    listing('C', 7500, 1000),
    listing('D', 1000, 5000),
  ],
  indices: [
    { code: 'TR', name: 'Total return', baseValue: 100_000, constituents: members, returnType: 'total' },
    { code: 'PR', name: 'Price', baseValue: 100_000, constituents: members.slice(1), returnType: 'price' },
    { code: 'CAP', name: 'Capped', baseValue: 100_000, constituents: members, maxWeightBasisPoints: 4000 },
  ],
  fx: [],
  ldcpTime: new Date('2023-01-30T12:00:00Z'),
};

const symbol = fc.constantFrom('A', 'B', 'C', 'D', 'E');
const operation = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('trade' as const),
      symbol,
      /** Where in today's band, in thousandths from its lower to its upper edge. */
      at: fc.integer({ min: 0, max: 1000 }),
      volume: fc.integer({ min: 1, max: 5000 }),
      late: fc.boolean(),
    }),
  },
  fc.record({ kind: fc.constant('close' as const) }),
  fc.record({
    kind: fc.constant('action' as const),
    symbol,
    type: fc.constantFrom('bonus', 'split', 'cashDividend'),
    nextDay: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('recompose' as const),
    shares: fc.integer({ min: 1, max: 10_000 }),
    withD: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('amend' as const),
    symbol,
    shares: fc.integer({ min: 1, max: 10_000 }),
    freeFloat: fc.integer({ min: 0, max: 10_000 }),
  }),
  fc.record({ kind: fc.constant('list' as const) }),
  fc.record({ kind: fc.constant('restore' as const) }),
);

function twinOf(market: Market): Market {
  const twin = new Market(setup);
  twin.restoreState(JSON.parse(JSON.stringify(market.exportState())));
  return twin;
}

describe('trade routes', () => {
  test('trades after any desk change land as they would on a market that never kept a route', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 60, size: 'max' }), (operations) => {
        const market = new Market(setup);
        let clock = new Date('2023-01-31T05:00:00Z').getTime();
        let day = '2023-01-31';
        for (const op of operations) {
          clock += 60_000;
          const time = new Date(clock);
          switch (op.kind) {
            case 'trade': {
              const quote = market.quote(op.symbol);
              if (!quote) break;
              const band = priceBand(quote.ldcp, paisa(1));
              const price = paisa(band.lower + Math.floor(((band.upper - band.lower) * op.at) / 1000));
              const trade = {
                symbol: op.symbol,
                price,
                volume: op.volume,
                time: op.late ? new Date(clock - 30 * 60_000) : time,
              };
              const twin = twinOf(market);
              const receipt = market.submitTrade(trade);
              assert.deepEqual(receipt, twin.submitTrade(trade));
              assert.deepEqual(market.exportState(), twin.exportState());
              assert.deepEqual(market.snapshot().indices, twin.snapshot().indices);
              assert.deepEqual(market.snapshot().quotes, twin.snapshot().quotes);
              break;
            }
            case 'close':
              market.closeDay(day, time);
              day = nextDate(day);
              break;
            case 'action': {
              const exDate = op.nextDay ? nextDate(day) : day;
              const action =
                op.type === 'bonus'
                  ? { type: 'bonus' as const, symbol: op.symbol, exDate, bonusBasisPoints: 2500 }
                  : op.type === 'split'
                    ? { type: 'split' as const, symbol: op.symbol, exDate, sharesBefore: 1, sharesAfter: 2 }
                    : { type: 'cashDividend' as const, symbol: op.symbol, exDate, dividend: paisa(10) };
              market.applyCorporateAction(action, time);
              break;
            }
            case 'recompose': {
              const constituents = [
                { symbol: 'A', shares: op.shares, freeFloat: 10_000 },
                { symbol: 'C', shares: 1000, freeFloat: 8_000 },
                ...(op.withD ? [{ symbol: 'D', shares: 5000, freeFloat: 10_000 }] : []),
              ];
              market.recomposeIndex('PR', constituents, time);
              break;
            }
            case 'amend':
              market.amendInstrument(op.symbol, { sharesOutstanding: op.shares, freeFloat: op.freeFloat }, time);
              break;
            case 'list':
              market.listInstrument(listing('E', 3000, 4000), time);
              break;
            case 'restore':
              market.restoreState(JSON.parse(JSON.stringify(market.exportState())));
              break;
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
