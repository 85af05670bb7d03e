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
  // The best so far, best first, with their counts; a story is weighed at its first sighting (its count is
  // final by then) and taken out of `counts`, so it is never weighed twice.
  const kept: ArticleSummary[] = [];
  const keptCounts: number[] = [];
  for (const pool of pools) {
    for (const story of pool) {
      const count = counts.get(story.id);
      if (count === undefined) continue;
      counts.delete(story.id);
      let at = kept.length;
      while (at > 0 && ranksBefore(story, count, kept[at - 1] as ArticleSummary, keptCounts[at - 1] as number)) at -= 1;
      if (at >= limit) continue;
      kept.splice(at, 0, story);
      keptCounts.splice(at, 0, count);
      if (kept.length > limit) {
        kept.pop();
        keptCounts.pop();
      }
    }
  }
  return kept;
}

function ranksBefore(a: ArticleSummary, aCount: number, b: ArticleSummary, bCount: number): boolean {
  if (aCount !== bCount) return aCount > bCount;
  const aTime = a.publishedAt.getTime();
  const bTime = b.publishedAt.getTime();
  return aTime !== bTime ? aTime > bTime : a.id > b.id;
}
