import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QuoteView } from '../book/marketSnapshot.js';
import { paisa } from '../money/money.js';
import {
  marketBreadth,
  mostActiveByTurnover,
  mostActiveByVolume,
  sectorPerformance,
  topGainers,
  topLosers,
  turnoverTotal,
} from './marketMovers.js';
import { directionOf } from './quote.js';

function quote(
  symbol: string,
  sector: string,
  changePercent: number,
  volume: number,
  turnover: number | null = 0,
): QuoteView {
  const change = paisa(Math.round(changePercent * 10));
  return {
    symbol,
    name: `${symbol} Limited`,
    sector,
    ldcp: paisa(1000),
    open: null,
    high: null,
    low: null,
    last: paisa(1000 + change),
    change,
    changePercent,
    direction: directionOf(change),
    volume,
    time: new Date(0),
    turnover,
    vwap: null,
    tickerText: symbol,
  };
}

const QUOTES = [
  quote('AAA', 'Banks', 2.5, 100, 10_000),
  quote('BBB', 'Banks', -1.2, 5000, 4_000),
  quote('CCC', 'Cement', 2.5, 0),
  quote('DDD', 'Cement', 0, 300, 30_000),
  quote('EEE', 'Cement', -3.1, 300, 30_000),
  quote('FFF', 'Tech', 0.4, 10, 90_000),
];

test('gainers and losers rank by % change, ties by symbol, and leave out the other side', () => {
  assert.deepEqual(
    topGainers(QUOTES, 10).map((q) => q.symbol),
    ['AAA', 'CCC', 'FFF'],
  );
  assert.deepEqual(
    topGainers(QUOTES, 2).map((q) => q.symbol),
    ['AAA', 'CCC'],
  );
  assert.deepEqual(
    topLosers(QUOTES, 10).map((q) => q.symbol),
    ['EEE', 'BBB'],
  );
});

test('most active by volume and by value leave out untraded stocks', () => {
  assert.deepEqual(
    mostActiveByVolume(QUOTES, 3).map((q) => q.symbol),
    ['BBB', 'DDD', 'EEE'],
  );
  assert.deepEqual(
    mostActiveByTurnover(QUOTES, 10).map((q) => q.symbol),
    ['FFF', 'DDD', 'EEE', 'AAA', 'BBB'],
  );
});

test('breadth counts advancers, decliners and unchanged', () => {
  assert.deepEqual(marketBreadth(QUOTES), { advancers: 3, decliners: 2, unchanged: 1 });
});

test('sectors: mean % change rounded half away from zero, summed turnover, most turnover first', () => {
  const sectors = sectorPerformance(QUOTES);
  assert.deepEqual(
    sectors.map((s) => [s.sector, s.stocks, s.averageChangePercent, Number(s.turnover.known), s.volume]),
    [
      ['Tech', 1, 0.4, 90_000, 10],
      ['Cement', 3, -0.2, 60_000, 600],
      ['Banks', 2, 0.65, 14_000, 5100],
    ],
  );
  assert.deepEqual(sectors[1]?.breadth, { advancers: 1, decliners: 1, unchanged: 1 });
});

test('a stock that traded with its value unknown is counted as unknown, never as zero, and not ranked by value', () => {
  const imported = [
    quote('AAA', 'Banks', 1, 30_000, null),
    quote('BBB', 'Banks', 1, 100, 5_000),
    quote('CCC', 'Banks', 0, 0, null),
  ];
  assert.deepEqual(turnoverTotal(imported), { known: 5_000n, unknown: 1 });
  assert.deepEqual(turnoverTotal(imported.slice(0, 1)), { known: 0n, unknown: 1 });
  assert.deepEqual(sectorPerformance(imported)[0]?.turnover, { known: 5_000n, unknown: 1 });
  assert.deepEqual(
    mostActiveByTurnover(imported, 10).map((q) => q.symbol),
    ['BBB'],
  );
});
