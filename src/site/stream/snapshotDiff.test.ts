import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDemoMarket } from '../../demo/market/demoMarket.js';
import { parseRupees } from '../../market/money/money.js';
import { changedKeys, eventData, streamState } from './snapshotDiff.js';

describe('the stream state', () => {
  test('carries every exchange rate as /api/v1/market/fx gives it, and a new rate is a change of its key alone', () => {
    const market = createDemoMarket(new Date('2023-01-31T13:03:00Z'));
    const before = streamState(market.snapshot());
    const data = JSON.parse(eventData(before, () => true).json) as { fx: { pair: string; market: string }[] };
    assert.deepEqual(
      data.fx.map((rate) => `${rate.pair}:${rate.market}`).filter((key) => key.startsWith('USD/PKR')),
      ['USD/PKR:interbank', 'USD/PKR:open'],
    );
    market.setFxRate({
      pair: 'USD/PKR',
      market: 'interbank',
      buying: parseRupees('270.00'),
      selling: parseRupees('270.00'),
      source: 'Test',
      time: new Date('2023-01-31T13:04:00Z'),
    });
    const after = streamState(market.snapshot());
    assert.deepEqual(changedKeys(before, after), ['f:USD/PKR:interbank']);
    const update = JSON.parse(eventData(after, (key) => key === 'f:USD/PKR:interbank').json) as {
      quotes: unknown[];
      indices: unknown[];
      fx: { selling: string }[];
    };
    assert.deepEqual([update.quotes, update.indices, update.fx.map((rate) => rate.selling)], [[], [], ['270.00']]);
  });
});
