import type { ContentChange } from '../../bus/contentChange.js';
import type { ArticleChange } from '../../news/articleChange.js';

// The cache keys of the reader pages, as the routes in this folder build them, each followed by a space and
// the origin its absolute links were made from (pageKeyFor): article:{id}:{slug}:{notice}, home, section:{slug}:{page}, sections:{slug}:{page},
// tag:{slug}:{page}, print:{date}, markets (which lists the Markets section's stories),
// author:{slug}:{page}, archive:{date}:{page}, feed:{kind}:{slug}:{format}:{origin}, sitemap:{name}:{origin},
// latest:{page} (/news), directory:tags and directory:sections.
// Nothing outside this folder knows them: the newsroom announces what changed on the bus.
const MARKETS_SECTION = 'markets';

/** A page's cache key: what it shows, then the origin of its links (a space occurs in neither). */
export function pageKeyFor(base: string, origin: string | null): string {
  return `${base} ${origin ?? ''}`;
}

/** What a page's key says it shows, without the origin: the key as the routes name it. */
function baseOf(key: string): string {
  const space = key.indexOf(' ');
  return space < 0 ? key : key.slice(0, space);
}

/** Which cached pages show what a newsroom change touched. */
export function pagesShowing(change: ContentChange): (key: string) => boolean {
  switch (change.kind) {
    case 'article':
      return pagesShowingStory(change);
    case 'comments': {
      const prefixes = change.articleIds.map(articlePrefix);
      return (key) => prefixes.some((prefix) => key.startsWith(prefix));
    }
    case 'printEdition':
      // Every edition page: the neighbours' previous/next links may change too.
      return (key) => key.startsWith('print:');
    case 'tags': {
      // A tag's name shows on the pages of its stories (which are not known here) and on its own list pages.
      const prefixes = [
        'article:',
        'feed:tag:',
        'sitemap:',
        'directory:tags',
        ...change.slugs.map((slug) => `tag:${slug}:`),
      ];
      return (key) => prefixes.some((prefix) => key.startsWith(prefix));
    }
    case 'sections':
      // The navigation in every page's masthead lists the sections, and stories show their section's name.
      return () => true;
    case 'frontPage':
      return (key) => baseOf(key) === 'home';
    case 'pictures': {
      // A thumbnail shows wherever its story is listed (not known here), and a body picture on its story's page.
      const lists = ['home', 'markets'];
      const prefixes = ['section:', 'sections:', 'tag:', 'author:', 'archive:', 'search:', 'article:'];
      return (key) => lists.includes(baseOf(key)) || prefixes.some((prefix) => key.startsWith(prefix));
    }
  }
}

/**
 * Which cached pages show a changed story: its own page, the home page, every
 * page of its sections and tags, its print edition. A story that left the site
 * may also sit in any other article's related links and "Read more" list, so
 * then every article page goes too; a legal kill must not linger anywhere.
 */
function pagesShowingStory(change: ArticleChange): (key: string) => boolean {
  const exact = new Set<string>(['home']);
  // Author and day pages, feeds and sitemaps are not keyed by what a change names (its byline is not in it): all go.
  // The latest-news pages and the directories (which tags have stories, how many each section has) change too.
  const prefixes = [
    articlePrefix(change.articleId),
    'author:',
    'archive:',
    'feed:',
    'sitemap:',
    'latest:',
    'directory:',
  ];
  if (change.removed) prefixes.push('article:');
  for (const placement of change.placements) {
    prefixes.push(`section:${placement.sectionSlug}:`, `sections:${placement.sectionSlug}:`);
    if (placement.sectionSlug === MARKETS_SECTION) exact.add('markets');
    for (const tag of placement.tagSlugs) prefixes.push(`tag:${tag}:`);
    if (placement.printDate !== null) exact.add(`print:${placement.printDate}`);
  }
  return (key) => exact.has(baseOf(key)) || prefixes.some((prefix) => key.startsWith(prefix));
}

function articlePrefix(articleId: number): string {
  return `article:${articleId}:`;
}

/** The story id of an article page's cache key, else null: what the read counter counts. */
export function articleIdOfKey(key: string): number | null {
  const match = /^article:([1-9][0-9]{0,9}):/.exec(key);
  return match === null ? null : Number(match[1]);
}
