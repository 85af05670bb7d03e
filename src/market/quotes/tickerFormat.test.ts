import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paisa, parseRupees } from '../money/money.js';
import { percentHundredths } from '../money/rounding.js';
import { applyTrade, directionOf, quoteChange, quoteChangePercent, untradedQuote } from './quote.js';
import { REFERENCE_INDEX_ROWS, REFERENCE_STOCK_ROWS } from './referenceTicker.fixture.js';
import {
  directionArrow,
  directionWords,
  formatIndexChange,
  formatIndexTicker,
  formatIndexValue,
  formatPercent,
  formatStockTicker,
} from './tickerFormat.js';

const time = new Date('2023-01-31T10:00:00Z');

describe('reference ticker, stocks', () => {
  assert.equal(REFERENCE_STOCK_ROWS.length, 30);
  for (const [symbol, last, change, expected] of REFERENCE_STOCK_ROWS) {
    test(`${symbol} from LDCP = last − change`, () => {
      const ldcp = parseRupees(last) - parseRupees(change);
      const start = untradedQuote(symbol, paisa(ldcp), time);
      const outcome = applyTrade(start, { symbol, price: parseRupees(last), volume: 100, time });
      assert.ok(outcome.ok);
      const quote = outcome.quote;
      const text = formatStockTicker({
        symbol,
        last: quote.last,
        change: quoteChange(quote),
        changePercent: quoteChangePercent(quote),
        direction: directionOf(quoteChange(quote)),
      });
      assert.equal(text, expected);
    });
  }
});

describe('reference ticker, indices', () => {
  assert.equal(REFERENCE_INDEX_ROWS.length, 4);
  for (const [code, points, change, expected] of REFERENCE_INDEX_ROWS) {
    test(`${code} from previous close = value − change`, () => {
      const value = points * 100;
      const previousClose = value - Number(change.replace('.', '')) * 10;
      const difference = value - previousClose;
      const text = formatIndexTicker({
        code,
        value,
        change: difference,
        changePercent: percentHundredths(difference, previousClose) / 100,
        direction: directionOf(difference),
      });
      assert.equal(text, expected);
    });
  }
});

describe('unchanged and falling rows', () => {
  test('an unchanged stock reads No Change ▼ 0.00 (0%)', () => {
    const text = formatStockTicker({
      symbol: 'XYZ',
      last: parseRupees('10.00'),
      change: parseRupees('0'),
      changePercent: 0,
      direction: 'unchanged',
    });
    assert.equal(text, 'XYZ 10.00 No Change ▼ 0.00 (0%)');
  });

  test('a falling index has no arrow and a signed change', () => {
    const text = formatIndexTicker({
      code: 'KSE100',
      value: 4_054_966,
      change: -12_340,
      changePercent: -0.3,
      direction: 'down',
    });
    assert.equal(text, 'KSE100 40,550 Decreased By -123.4 (-0.3%)');
  });

  test('an unchanged index', () => {
    assert.equal(
      formatIndexTicker({ code: 'BR30', value: 1_418_490, change: 0, changePercent: 0, direction: 'unchanged' }),
      'BR30 14,185 No Change 0 (0%)',
    );
  });
});

describe('pieces', () => {
  test('percent: at most 2 decimals, trailing zeros and dot dropped', () => {
    assert.equal(formatPercent(1.2), '1.2%');
    assert.equal(formatPercent(1.1), '1.1%');
    assert.equal(formatPercent(0), '0%');
    assert.equal(formatPercent(-1.12), '-1.12%');
    assert.equal(formatPercent(10.16), '10.16%');
    assert.equal(formatPercent(100), '100%');
    assert.equal(formatPercent(-0.07), '-0.07%');
    assert.equal(formatPercent(0.3), '0.3%');
  });

  test('index value: whole points with thousands separators, half away from zero', () => {
    assert.equal(formatIndexValue(4_067_312), '40,673');
    assert.equal(formatIndexValue(4_067_350), '40,674');
    assert.equal(formatIndexValue(4_067_349), '40,673');
    assert.equal(formatIndexValue(10_510_400), '105,104');
    assert.equal(formatIndexValue(99_900), '999');
    assert.equal(formatIndexValue(-150), '-2');
  });

  test('index change: 1 decimal, trailing zero dropped', () => {
    assert.equal(formatIndexChange(80_180), '801.8');
    assert.equal(formatIndexChange(19_100), '191');
    assert.equal(formatIndexChange(100), '1');
    assert.equal(formatIndexChange(104), '1');
    assert.equal(formatIndexChange(105), '1.1');
    assert.equal(formatIndexChange(-105), '-1.1');
    assert.equal(formatIndexChange(-12_340), '-123.4');
    assert.equal(formatIndexChange(-4), '0');
    assert.equal(formatIndexChange(0), '0');
  });

  test('direction words and arrows', () => {
    assert.equal(directionWords('up'), 'Increased By');
    assert.equal(directionWords('down'), 'Decreased By');
    assert.equal(directionWords('unchanged'), 'No Change');
    assert.equal(directionArrow('up'), '▲');
    assert.equal(directionArrow('down'), '▼');
    assert.equal(directionArrow('unchanged'), '▼');
  });
});
