import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleSummary } from './article.js';
import { PoolRankings, rankFromTagPools } from './relatedPools.js';

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

/** The ranking as first written: every candidate counted, all sorted, the first `limit` kept. */
function rankedBySorting(articleId: number, pools: readonly (readonly ArticleSummary[])[], limit: number): number[] {
  const shared = new Map<number, { readonly story: ArticleSummary; count: number }>();
  for (const pool of pools) {
    for (const story of pool) {
      if (story.id === articleId) continue;
      const seen = shared.get(story.id);
      if (seen === undefined) shared.set(story.id, { story, count: 1 });
      else seen.count += 1;
    }
  }
  return [...shared.values()]
    .sort(
      (a, b) =>
        b.count - a.count || b.story.publishedAt.getTime() - a.story.publishedAt.getTime() || b.story.id - a.story.id,
    )
    .slice(0, limit)
    .map((entry) => entry.story.id);
}

test('the same order as sorting every candidate, over many random pools (ties of count and time included)', () => {
  let seed = 7;
  const random = (below: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % below;
  };
  for (let round = 0; round < 500; round += 1) {
    const stories = Array.from({ length: 1 + random(60) }, (_, i) => story(i + 1, 1 + random(6)));
    // Newest id first as the store reads them, or, now and then, in any order.
    const pools = Array.from({ length: random(5) }, () =>
      stories.filter(() => random(3) === 0).sort((a, b) => (round % 5 === 0 ? random(3) - 1 : b.id - a.id)),
    );
    const articleId = 1 + random(stories.length);
    const limit = random(9);
    assert.deepEqual(
      rankFromTagPools(articleId, pools, limit).map((s) => s.id),
      rankedBySorting(articleId, pools, limit),
      `round ${round}`,
    );
  }
});

test('a remembered ranking gives every article of the same pools what ranking afresh gives it', () => {
  let seed = 11;
  const random = (below: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % below;
  };
  const rankings = new PoolRankings(8);
  for (let round = 0; round < 200; round += 1) {
    const stories = Array.from({ length: 1 + random(40) }, (_, i) => story(i + 1, 1 + random(4)));
    const pools = Array.from({ length: 1 + random(4) }, () =>
      stories.filter(() => random(2) === 0).sort((a, b) => b.id - a.id),
    );
    // Every story of the pools, each the article of a page in turn (the best ranked ones included), in both
    // orders of the pools, and a few limits: all from one remembered ranking per limit.
    for (const limit of [0, 1, 3, 7]) {
      for (const articleId of [0, ...stories.map((s) => s.id)]) {
        const expected = rankFromTagPools(articleId, pools, limit).map((s) => s.id);
        assert.deepEqual(
          rankings.rank(articleId, pools, limit).map((s) => s.id),
          expected,
          `round ${round}`,
        );
        assert.deepEqual(
          rankings.rank(articleId, [...pools].reverse(), limit).map((s) => s.id),
          expected,
        );
      }
    }
  }
});

test('pools read afresh are ranked afresh, though the same tags ask', () => {
  const rankings = new PoolRankings();
  const [a, b, c] = [story(1, 5), story(2, 9), story(3, 7)];
  assert.deepEqual(
    rankings.rank(9, [[a, b]], 5).map((s) => s.id),
    [2, 1],
  );
  // A newer read of the same tag: another array, another ranking.
  assert.deepEqual(
    rankings.rank(9, [[c, a]], 5).map((s) => s.id),
    [3, 1],
  );
});
