import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRng } from './prng.js';

describe('createRng', () => {
  test('same seed, same sequence; different seed, different sequence', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    assert.deepEqual(seqA, seqB);
    assert.notDeepEqual(seqA, seqC);
  });

  test('next stays in [0, 1) and int covers both ends', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = rng.next();
      assert.ok(x >= 0 && x < 1);
      const n = rng.int(1, 6);
      assert.ok(Number.isInteger(n) && n >= 1 && n <= 6);
      seen.add(n);
    }
    assert.deepEqual([...seen].sort(), [1, 2, 3, 4, 5, 6]);
  });

  test('decimal rounds to the asked places', () => {
    const rng = createRng(9);
    for (let i = 0; i < 100; i++) {
      const x = rng.decimal(260, 290, 2);
      assert.ok(x >= 260 && x <= 290);
      assert.equal(Math.round(x * 100) / 100, x);
    }
  });

  test('sample gives distinct items, shuffle keeps them all', () => {
    const rng = createRng(1);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const picked = rng.sample(items, 3);
    assert.equal(new Set(picked).size, 3);
    assert.deepEqual(rng.shuffle(items).sort(), items);
    assert.equal(rng.sample(items, 10).length, 5);
    assert.deepEqual(items, ['a', 'b', 'c', 'd', 'e']);
  });

  test('pick refuses an empty list', () => {
    assert.throws(() => createRng(1).pick([]), RangeError);
  });
});
