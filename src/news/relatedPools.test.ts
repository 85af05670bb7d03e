import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleSummary } from './article.js';
import { rankFromTagPools } from './relatedPools.js';

function story(id: number, day: number): ArticleSummary {
  return {
    id,
    slug: `s-${id}`,
    headline: `Story ${id}`,
    summary: '',
    sectionSlug: 'business',
    byline: { kind: 'staff', name: 'Desk' },
    publishedAt: new Date(Date.UTC(2026, 0, day)),
    printPage: null,
  };
}

test('stories in more pools rank first, then newest, then higher id; never the article itself', () => {
  const [a, b, c, d, self] = [story(1, 5), story(2, 9), story(3, 7), story(4, 7), story(9, 10)];
  const ranked = rankFromTagPools(
    9,
    [
      [self, b, a],
      [self, a, c, d],
    ],
    10,
  );
  assert.deepEqual(
    ranked.map((s) => s.id),
    [1, 2, 4, 3],
  );
  assert.deepEqual(
    rankFromTagPools(9, [[b, a], [a]], 1).map((s) => s.id),
    [1],
  );
  assert.deepEqual(rankFromTagPools(9, [[a]], 0), []);
  assert.deepEqual(rankFromTagPools(9, [], 5), []);
});
