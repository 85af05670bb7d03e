import type { ArticleSummary } from './article.js';

/**
 * Related stories chosen from each tag's newest stories (one pool per tag of the article): most pools shared
 * first, then newest, then higher id, never the article itself. The store's pools hold a story at most once
 * each, so the number of pools a story is in is the number of tags it shares with the article.
 */
export function rankFromTagPools(
  articleId: number,
  pools: readonly (readonly ArticleSummary[])[],
  limit: number,
): ArticleSummary[] {
  if (limit <= 0) return [];
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
    .map((entry) => entry.story);
}
