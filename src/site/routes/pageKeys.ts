import type { ArticleChange } from '../../news/articleChange.js';

// The cache keys of the reader pages, as the routes in this folder build them:
// article:{id}:{slug}:{notice}, home, section:{slug}:{page}, sections:{slug}:{page},
// tag:{slug}:{page}, print:{date}, markets (which lists the Markets section's stories).
const MARKETS_SECTION = 'markets';

/**
 * Which cached pages show a changed story: its own page, the home page, every
 * page of its sections and tags, its print edition. A story that left the site
 * may also sit in any other article's related links and "Read more" list, so
 * then every article page goes too; a legal kill must not linger anywhere.
 */
export function pagesShowing(change: ArticleChange): (key: string) => boolean {
  const exact = new Set<string>(['home']);
  const prefixes = [`article:${change.articleId}:`];
  if (change.removed) prefixes.push('article:');
  for (const placement of change.placements) {
    prefixes.push(`section:${placement.sectionSlug}:`, `sections:${placement.sectionSlug}:`);
    if (placement.sectionSlug === MARKETS_SECTION) exact.add('markets');
    for (const tag of placement.tagSlugs) prefixes.push(`tag:${tag}:`);
    if (placement.printDate !== null) exact.add(`print:${placement.printDate}`);
  }
  return (key) => exact.has(key) || prefixes.some((prefix) => key.startsWith(prefix));
}
