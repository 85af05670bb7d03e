import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateLimitRefusal } from './commentMessages.js';

test('the rate-limit answer says when to try again and that the comment is kept', () => {
  assert.match(rateLimitRefusal(42), /in 42 seconds\.$/);
  assert.match(rateLimitRefusal(42), /kept/);
  assert.match(rateLimitRefusal(1), /in 1 second\.$/);
  // Never "in 0 seconds": a fraction left rounds up.
  assert.match(rateLimitRefusal(0.2), /in 1 second\.$/);
});
