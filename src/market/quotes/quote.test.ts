import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type Paisa, paisa } from '../money/money.js';
import { PSX_PRICE_BAND } from './priceBand.js';
import {
  applyCheckedTrade,
  applyLateTrade,
  applyTrade,
  directionOf,
  type LiveQuote,
  printIntoQuote,
  type Quote,
  quoteChange,
  quoteChangePercent,
  type TradingRules,
  untradedQuote,
} from './quote.js';

const morning = new Date('2023-01-31T04:35:00Z');
const later = new Date('2023-01-31T05:00:00Z');
const avn = untradedQuote('AVN', paisa(6417), morning);

function trade(price: number, volume = 100, time = later) {
  return { symbol: 'AVN', price: paisa(price), volume, time };
}

function accepted(quote: Quote, price: number, volume = 100): Quote {
  const outcome = applyTrade(quote, trade(price, volume));
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
  return outcome.quote;
}

describe('applyTrade', () => {
  test('an untraded quote sits at LDCP with no open/high/low', () => {
    assert.deepEqual(avn, {
      symbol: 'AVN',
      ldcp: 6417,
      open: null,
      high: null,
      low: null,
      last: 6417,
      volume: 0,
      time: morning,
    });
    assert.equal(quoteChange(avn), 0);
    assert.equal(quoteChangePercent(avn), 0);
  });

  test('first trade opens; later trades move high, low, last, volume', () => {
    const one = accepted(avn, 6480, 500);
    assert.deepEqual(one, {
      symbol: 'AVN',
      ldcp: 6417,
      open: 6480,
      high: 6480,
      low: 6480,
      last: 6480,
      volume: 500,
      time: later,
    });
    const two = accepted(one, 6390, 200);
    const three = accepted(two, 6450, 300);
    assert.equal(three.open, 6480);
    assert.equal(three.high, 6480);
    assert.equal(three.low, 6390);
    assert.equal(three.last, 6450);
    assert.equal(three.volume, 1000);
    assert.equal(three.ldcp, 6417);
  });

  test('change and percent against LDCP: AVN 64.17 → 64.80 is +0.63, 0.98 %', () => {
    const quote = accepted(avn, 6480);
    assert.equal(quoteChange(quote), 63);
    assert.equal(quoteChangePercent(quote), 0.98);
    assert.equal(directionOf(quoteChange(quote)), 'up');
  });

  test('falling: CNERGY 3.89 → 3.87 is −0.02, −0.51 %', () => {
    const cnergy = untradedQuote('CNERGY', paisa(389), morning);
    const outcome = applyTrade(cnergy, { symbol: 'CNERGY', price: paisa(387), volume: 1, time: later });
    assert.ok(outcome.ok);
    assert.equal(quoteChange(outcome.quote), -2);
    assert.equal(quoteChangePercent(outcome.quote), -0.51);
    assert.equal(directionOf(-2), 'down');
    assert.equal(directionOf(0), 'unchanged');
  });
});

describe('rejections leave the quote alone and say why', () => {
  const cases: [string, ReturnType<typeof trade>, RegExp][] = [
    ['zero price', trade(0), /price/],
    ['negative price', trade(-5), /price/],
    ['fractional paisa', { ...trade(6480), price: 6480.5 as Paisa }, /price/],
    ['zero volume', trade(6480, 0), /volume/],
    ['fractional volume', trade(6480, 1.5), /volume/],
    ['above the band', trade(7059), /band/],
    ['below the band', trade(5775), /band/],
    ['invalid time', trade(6480, 1, new Date(Number.NaN)), /time/],
    ['another symbol', { ...trade(6480), symbol: 'TRG' }, /TRG/],
  ];
  for (const [name, bad, reason] of cases) {
    test(name, () => {
      const outcome = applyTrade(avn, bad);
      assert.equal(outcome.ok, false);
      assert.match(outcome.ok ? '' : outcome.reason, reason);
    });
  }

  test('band edges are inclusive', () => {
    assert.equal(accepted(avn, 7058).last, 7058);
    assert.equal(accepted(avn, 5776).last, 5776);
  });

  test('off tick size and off lot size', () => {
    const rules: TradingRules = { tickSize: paisa(5), lotSize: 500, band: PSX_PRICE_BAND };
    const offTick = applyTrade(avn, trade(6481, 500), rules);
    assert.equal(offTick.ok, false);
    assert.match(offTick.ok ? '' : offTick.reason, /tick/);
    const offLot = applyTrade(avn, trade(6480, 250), rules);
    assert.equal(offLot.ok, false);
    assert.match(offLot.ok ? '' : offLot.reason, /lot/);
    assert.ok(applyTrade(avn, trade(6480, 1000), rules).ok);
  });

  test('Rs 1 minimum band lets a cheap stock move more than 10 %', () => {
    const humnl = untradedQuote('HUMNL', paisa(935), morning);
    const up = applyTrade(humnl, { symbol: 'HUMNL', price: paisa(1030), volume: 1, time: later });
    assert.ok(up.ok);
    assert.equal(quoteChangePercent(up.quote), 10.16);
  });
});

test('property: change and percent always agree with LDCP and last', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: -1000, max: 1000 }), (ldcp, permille) => {
      const start = untradedQuote('X', paisa(ldcp), morning);
      const price = Math.max(1, ldcp + Math.trunc((ldcp * permille) / 10_000));
      const outcome = applyTrade(start, { symbol: 'X', price: paisa(price), volume: 1, time: later });
      assert.ok(outcome.ok);
      const change = quoteChange(outcome.quote);
      assert.equal(change, price - ldcp);
      const percent = quoteChangePercent(outcome.quote);
      // Within half a hundredth of the exact ratio, and with the sign of the change (or zero).
      assert.ok(Math.abs(percent - (change / ldcp) * 100) <= 0.005 + 1e-9);
      assert.ok(percent === 0 || Math.sign(percent) === Math.sign(change));
      assert.equal(directionOf(change), change > 0 ? 'up' : change < 0 ? 'down' : 'unchanged');
    }),
  );
});

test('property: a day of checked trades gives the open, high, low, last and volume of the prints', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 10_000_000 }),
      fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 100_000 })), {
        minLength: 1,
        maxLength: 30,
      }),
      (ldcp, moves) => {
        const start = untradedQuote('X', paisa(ldcp), morning);
        const prints = moves.map(([permille, volume], i) => ({
          symbol: 'X',
          price: paisa(Math.max(1, ldcp + Math.trunc((ldcp * permille) / 10_000))),
          volume,
          time: new Date(later.getTime() + i),
        }));
        const quote = prints.reduce(applyCheckedTrade, start);
        const prices = prints.map((print) => print.price);
        assert.deepEqual(quote, {
          symbol: 'X',
          ldcp,
          open: prices[0],
          high: Math.max(...prices),
          low: Math.min(...prices),
          last: prices.at(-1),
          volume: moves.reduce((sum, [, volume]) => sum + volume, 0),
          time: prints.at(-1)?.time,
        });
        // The checked path takes exactly what applyTrade takes (these are all inside the band).
        assert.deepEqual(
          prints.reduce((current, print) => {
            const outcome = applyTrade(current, print);
            assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
            return outcome.quote;
          }, start),
          quote,
        );
      },
    ),
  );
});

test("property: printing into the book's quote in place gives what applyCheckedTrade and applyLateTrade give", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 10_000_000 }),
      fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 100_000 }), fc.boolean()), {
        minLength: 1,
        maxLength: 30,
      }),
      fc.integer({ min: -5, max: 5 }),
      (ldcp, moves, ldcpShiftMs) => {
        // The quote's own time may be later than the first trade (an LDCP set after it): never backwards.
        const start = untradedQuote('X', paisa(ldcp), new Date(later.getTime() + ldcpShiftMs));
        const live: LiveQuote = { ...start };
        let pure: Quote = start;
        moves.forEach(([permille, volume, late], i) => {
          const time = new Date(later.getTime() + i - 2);
          const print = {
            symbol: 'X',
            price: paisa(Math.max(1, ldcp + Math.trunc((ldcp * permille) / 10_000))),
            volume,
            time,
          };
          pure = late ? applyLateTrade(pure, print) : applyCheckedTrade(pure, print);
          printIntoQuote(live, print, time.getTime(), late);
          assert.deepEqual(live, pure);
        });
      },
    ),
  );
});
