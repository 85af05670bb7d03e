import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntradaySeries } from './intradaySeries.js';

const at = (hhmmss: string) => new Date(`2023-01-31T${hhmmss}Z`);

test('keeps one point per minute, the latest value of that minute', () => {
  const series = new IntradaySeries();
  series.record('2023-01-31', at('05:00:05'), 100);
  series.record('2023-01-31', at('05:00:40'), 101);
  series.record('2023-01-31', at('05:01:00'), 102);
  const points = series.list();
  assert.deepEqual(points, [
    { time: Date.parse('2023-01-31T05:00:00Z') / 1000, value: 101 },
    { time: Date.parse('2023-01-31T05:01:00Z') / 1000, value: 102 },
  ]);
});

test('is capped, dropping the oldest minutes', () => {
  const series = new IntradaySeries(3);
  for (let minute = 0; minute < 5; minute += 1) {
    series.record('2023-01-31', new Date(Date.UTC(2023, 0, 31, 5, minute)), minute);
  }
  assert.deepEqual(
    series.list().map((point) => point.value),
    [2, 3, 4],
  );
});

test('a new trading day starts afresh; samples older than the last are ignored', () => {
  const series = new IntradaySeries();
  series.record('2023-01-31', at('05:10:00'), 1);
  series.record('2023-01-31', at('05:05:00'), 2);
  assert.deepEqual(
    series.list().map((point) => point.value),
    [1],
  );
  series.record('2023-02-01', new Date('2023-02-01T04:30:00Z'), 7);
  assert.equal(series.tradingDay, '2023-02-01');
  assert.deepEqual(
    series.list().map((point) => point.value),
    [7],
  );
});
