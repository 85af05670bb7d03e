import assert from 'node:assert/strict';
import { test } from 'node:test';
import { historyCsvText } from './historyCsv.js';

test('daily bars become CSV rows of plain decimals, oldest first as given', () => {
  const bars = [
    { date: '2023-01-30', open: 123_456, high: 130_000, low: 120_001, close: 129_905, volume: 1_500_000 },
    { date: '2023-01-31', open: 129_905, high: 129_905, low: 5, close: 100, volume: 0 },
  ];
  assert.equal(
    historyCsvText(bars),
    'Date,Open,High,Low,Close,Volume\r\n2023-01-30,1234.56,1300.00,1200.01,1299.05,1500000\r\n2023-01-31,1299.05,1299.05,0.05,1.00,0\r\n',
  );
});

test('no bars still give the header', () => {
  assert.equal(historyCsvText([]), 'Date,Open,High,Low,Close,Volume\r\n');
});
