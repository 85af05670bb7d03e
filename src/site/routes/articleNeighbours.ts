import type { Article, ArticleSummary } from '../../news/article.js';
import { PoolRankings } from '../../news/relatedPools.js';
import { RELATED_PER_TAG } from '../../store/articles/articleQueries.js';
import type { SiteContext } from '../siteContext.js';

/**
 * How long a tag's pool of related candidates and the newest stories serve every article page that shows them.
 * On an archive's long tail nearly every page is rendered for one request, and these were the dearest of its
 * reads though they are alike for every story sharing a tag (and for every story at all, for Read more). Any
 * change the newsroom announces (publish, kill, correction, retag) clears them on every node with the cached
 * pages, so the time only bounds how long an unannounced change (none are made) could linger.
 */
const NEIGHBOURS_FRESH_MS = 30_000;

/**
 * Rankings of the shared pools, for every site of the process: kept by the pools' identities, which no two sites
 * share, so one site's ranking is never another's.
 */
const rankings = new PoolRankings();

/** Related stories of `article`, from each tag's pool kept in the site's shared reads. */
export function relatedStories(site: SiteContext, article: Article, limit: number): Promise<readonly ArticleSummary[]> {
  const { store } = site.deps;
  return store.relatedArticles(
    article,
    limit,
    (slug) => site.shared.get(`tagPool:${slug}`, NEIGHBOURS_FRESH_MS, () => store.newestTagged(slug, RELATED_PER_TAG)),
    rankings.rank,
  );
}

/** The newest `limit` stories but `article`: one shared read of `limit + 1` serves every page. */
export async function readMoreStories(
  site: SiteContext,
  article: Article,
  limit: number,
): Promise<readonly ArticleSummary[]> {
  const newest = await site.shared.get(`newest:${limit + 1}`, NEIGHBOURS_FRESH_MS, () =>
    site.deps.store.latestArticles({ limit: limit + 1 }),
  );
  return newest.filter((story) => story.id !== article.id).slice(0, limit);
}
