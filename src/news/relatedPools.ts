import type { ArticleSummary } from './article.js';

/**
 * Related stories chosen from each tag's newest stories (one pool per tag of the article): most pools shared
 * first, then newest, then higher id, never the article itself. The store's pools hold a story at most once
 * each, so the number of pools a story is in is the number of tags it shares with the article.
 *
 * Run for every article page rendered from cold over a few hundred candidates, of which a handful are kept: each
 * candidate is weighed once against the few kept so far rather than all being sorted (which made a third of
 * the ranking's cost in calls to Date#getTime), and the store's pools, already in id order, are walked side by
 * side rather than counted in a map.
 */
export function rankFromTagPools(
  articleId: number,
  pools: readonly (readonly ArticleSummary[])[],
  limit: number,
): ArticleSummary[] {
  if (limit <= 0) return [];
  const kept = new Kept(limit);
  if (pools.every(isNewestIdFirst)) mergeCounts(articleId, pools, kept);
  else mapCounts(articleId, pools, kept);
  return kept.stories;
}

/** The store's pools come newest id first (the tag index read backwards): walked side by side, no map needed. */
function isNewestIdFirst(pool: readonly ArticleSummary[]): boolean {
  for (let i = 1; i < pool.length; i += 1)
    if ((pool[i] as ArticleSummary).id >= (pool[i - 1] as ArticleSummary).id) return false;
  return true;
}

/** Walks the pools side by side, highest id first: a story's count is the number of pools whose head it is. */
function mergeCounts(articleId: number, pools: readonly (readonly ArticleSummary[])[], kept: Kept): void {
  const heads = pools.map(() => 0);
  for (;;) {
    let top: ArticleSummary | undefined;
    let count = 0;
    for (let p = 0; p < pools.length; p += 1) {
      const story = (pools[p] as readonly ArticleSummary[])[heads[p] as number];
      if (story === undefined) continue;
      if (top === undefined || story.id > top.id) {
        top = story;
        count = 1;
      } else if (story.id === top.id) count += 1;
    }
    if (top === undefined) return;
    for (let p = 0; p < pools.length; p += 1) {
      if ((pools[p] as readonly ArticleSummary[])[heads[p] as number]?.id === top.id)
        heads[p] = (heads[p] as number) + 1;
    }
    if (top.id !== articleId) kept.weigh(top, count);
  }
}

/** Pools in any order: counted in a map, each story weighed at its first sighting. */
function mapCounts(articleId: number, pools: readonly (readonly ArticleSummary[])[], kept: Kept): void {
  const counts = new Map<number, number>();
  for (const pool of pools) {
    for (const story of pool) {
      if (story.id !== articleId) counts.set(story.id, (counts.get(story.id) ?? 0) + 1);
    }
  }
  for (const pool of pools) {
    for (const story of pool) {
      const count = counts.get(story.id);
      if (count === undefined) continue;
      // Taken out once weighed, so never weighed twice.
      counts.delete(story.id);
      kept.weigh(story, count);
    }
  }
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
