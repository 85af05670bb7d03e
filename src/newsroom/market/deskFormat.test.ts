import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paisa } from '../../market/money/money.js';
import { count, karachiStamp, percentOf, points, rupees } from './deskFormat.js';

test('desk figures read as the newsroom writes them', () => {
  assert.equal(percentOf(4500), '45');
  assert.equal(percentOf(1250), '12.5');
  assert.equal(percentOf(1205), '12.05');
  assert.equal(percentOf(1_000_000), '10,000');
  assert.equal(rupees(paisa(123_456_789)), '1,234,567.89');
  assert.equal(points(4_067_312), '40,673.12');
  assert.equal(count(1_300_000_000), '1,300,000,000');
  assert.equal(karachiStamp(new Date('2023-01-31T19:30:00Z')), '2023-02-01 00:30 PKT');
});
