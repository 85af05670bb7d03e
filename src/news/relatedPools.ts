import type { ArticleSummary } from './article.js';

/**
 * Related stories chosen from each tag's newest stories (one pool per tag of the article): most pools shared
 * first, then newest, then higher id, never the article itself. The store's pools hold a story at most once
 * each, so the number of pools a story is in is the number of tags it shares with the article.
 *
 * Run for every article page rendered from cold over a few hundred candidates, of which a handful are kept: each
 * candidate is weighed once against the few kept so far rather than all being sorted (which made a third of
 * the ranking's cost in calls to Date#getTime).
 */
export function rankFromTagPools(
  articleId: number,
  pools: readonly (readonly ArticleSummary[])[],
  limit: number,
): ArticleSummary[] {
  if (limit <= 0) return [];
  const counts = new Map<number, number>();
  for (const pool of pools) {
    for (const story of pool) {
      if (story.id !== articleId) counts.set(story.id, (counts.get(story.id) ?? 0) + 1);
    }
  }
  const kept = new Kept(limit);
  for (const pool of pools) {
    for (const story of pool) {
      const count = counts.get(story.id);
      if (count === undefined) continue;
      // Weighed at its first sighting, when its count is final, then taken out so it is never weighed twice.
      counts.delete(story.id);
      kept.weigh(story, count);
    }
  }
  return kept.stories;
}

/** The best `limit` stories weighed so far, best first, with their counts. */
class Kept {
  readonly stories: ArticleSummary[] = [];
  private readonly counts: number[] = [];

  constructor(private readonly limit: number) {}

  weigh(story: ArticleSummary, count: number): void {
    let at = this.stories.length;
    while (at > 0 && ranksBefore(story, count, this.stories[at - 1] as ArticleSummary, this.counts[at - 1] as number)) {
      at -= 1;
    }
    if (at >= this.limit) return;
    this.stories.splice(at, 0, story);
    this.counts.splice(at, 0, count);
    if (this.stories.length > this.limit) {
      this.stories.pop();
      this.counts.pop();
    }
  }
}

function ranksBefore(a: ArticleSummary, aCount: number, b: ArticleSummary, bCount: number): boolean {
  if (aCount !== bCount) return aCount > bCount;
  const aTime = a.publishedAt.getTime();
  const bTime = b.publishedAt.getTime();
  return aTime !== bTime ? aTime > bTime : a.id > b.id;
}

/** Ranks related stories from their tags' pools: rankFromTagPools, or a memo of it (PoolRankings). */
export type PoolRanker = (
  articleId: number,
  pools: readonly (readonly ArticleSummary[])[],
  limit: number,
) => ArticleSummary[];

/**
 * rankFromTagPools remembered per set of pools. The pools are the site's shared reads, the same objects for every
 * page until they are read again, and stories sharing a set of tags (a market beat's "KSE-100, Stocks") are ranked
 * from the same pools: ranking them again for each page rendered from cold was a twentieth of its CPU. A ranking
 * is kept for the pools' identities, so pools read afresh are ranked afresh; it leaves no story out and keeps one
 * more than asked, so each page takes itself out afterwards (the order of the others does not depend on it).
 */
export class PoolRankings {
  private readonly poolIds = new WeakMap<readonly ArticleSummary[], number>();
  private nextPoolId = 1;
  private readonly rankings = new Map<string, readonly ArticleSummary[]>();

  constructor(private readonly maxEntries = 4_096) {}

  readonly rank: PoolRanker = (articleId, pools, limit) => {
    if (limit <= 0) return [];
    // Ranking does not depend on the pools' order, so the key lists their ids sorted; the limit is part of it.
    const ids = pools.map((pool) => this.idOf(pool)).sort((a, b) => a - b);
    const key = `${limit} ${ids.join(',')}`;
    let ranked = this.rankings.get(key);
    if (ranked === undefined) {
      // No stored article has id 0: nothing is left out of the kept ranking.
      ranked = rankFromTagPools(0, pools, limit + 1);
      // Pools read afresh leave their old rankings unreachable; past the bound all go and are ranked anew.
      if (this.rankings.size >= this.maxEntries) this.rankings.clear();
      this.rankings.set(key, ranked);
    }
    const page: ArticleSummary[] = [];
    for (const story of ranked) {
      if (story.id !== articleId && page.length < limit) page.push(story);
    }
    return page;
  };

  private idOf(pool: readonly ArticleSummary[]): number {
    let id = this.poolIds.get(pool);
    if (id === undefined) {
      id = this.nextPoolId++;
      this.poolIds.set(pool, id);
    }
    return id;
  }
}
