import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rankRelated } from './related.js';

const day = 24 * 60 * 60 * 1000;
const base = Date.UTC(2023, 0, 31, 12);
const at = (days: number) => new Date(base + days * day);

interface Summary {
  id: number;
  headline: string;
  tagSlugs: string[];
  publishedAt: Date;
}

function candidate(id: number, tagSlugs: string[], days: number): Summary {
  return { id, headline: `Story ${id}`, tagSlugs, publishedAt: at(days) };
}

const subject = { id: 1, tags: ['imf', 'rupee', 'inflation'], publishedAt: at(0) };

describe('rankRelated', () => {
  test('orders by number of shared tags first', () => {
    const ranked = rankRelated(
      subject,
      [
        candidate(2, ['imf'], -1),
        candidate(3, ['imf', 'rupee', 'inflation'], -20),
        candidate(4, ['imf', 'rupee'], -10),
        candidate(5, ['cricket'], 0),
      ],
      10,
    );
    assert.deepEqual(
      ranked.map((c) => c.id),
      [3, 4, 2, 5],
    );
  });

  test('breaks ties by closeness in time, the newer first when equally close', () => {
    const ranked = rankRelated(
      subject,
      [candidate(2, ['imf'], -5), candidate(3, ['imf'], -1), candidate(4, ['imf'], 1), candidate(5, ['imf'], 3)],
      10,
    );
    assert.deepEqual(
      ranked.map((c) => c.id),
      [4, 3, 5, 2],
    );
  });

  test('never includes the article itself nor duplicates', () => {
    const ranked = rankRelated(
      subject,
      [candidate(1, ['imf', 'rupee'], 0), candidate(2, ['imf'], -1), candidate(2, ['imf'], -1)],
      10,
    );
    assert.deepEqual(
      ranked.map((c) => c.id),
      [2],
    );
  });

  test('counts a repeated candidate tag once', () => {
    const ranked = rankRelated(
      subject,
      [candidate(2, ['imf', 'imf', 'imf'], -1), candidate(3, ['imf', 'rupee'], -9)],
      10,
    );
    assert.deepEqual(
      ranked.map((c) => c.id),
      [3, 2],
    );
  });

  test('respects the limit and keeps the caller type', () => {
    const candidates = Array.from({ length: 8 }, (_, i) => candidate(i + 2, ['rupee'], -i));
    const ranked = rankRelated(subject, candidates, 3);
    assert.equal(ranked.length, 3);
    assert.equal(ranked[0]?.headline, 'Story 2');
    assert.deepEqual(rankRelated(subject, candidates, 0), []);
    assert.deepEqual(rankRelated(subject, candidates, -1), []);
  });

  test('does not reorder the input array', () => {
    const candidates = [candidate(2, [], -3), candidate(3, ['imf'], -1)];
    rankRelated(subject, candidates, 5);
    assert.deepEqual(
      candidates.map((c) => c.id),
      [2, 3],
    );
  });
});
