import type { ArticleSummary } from '../../news/article.js';
import type { StoryPicture } from '../../news/featuredImage.js';
import { arrangeFrontPage } from '../../news/frontPage.js';
import { karachiDateKey } from '../../shared/pakistanTime.js';
import type { FrontPageProps, SectionBlock } from '../pages/HomePage.js';
import type { SiteContext } from '../siteContext.js';

const CANDIDATES = 30;
const LATEST = 8;
const MOST_READ = 5;
const OPINION = 4;
const STORIES_PER_SECTION_BLOCK = 4;
/** "Most read" counts today and the two days before, in Karachi: yesterday's big story still counts this morning. */
const MOST_READ_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
const OPINION_SECTION = 'opinion';

/** The featured pictures of these stories, by id; none when the site runs without the front-page store. */
export async function picturesFor(
  site: SiteContext,
  stories: readonly ArticleSummary[],
): Promise<ReadonlyMap<number, StoryPicture>> {
  const frontPage = site.deps.frontPage;
  if (frontPage === undefined || stories.length === 0) return new Map();
  return frontPage.storyPictures(stories.map((story) => story.id));
}

/**
 * How long one reading of "most read" serves every page that shows it. It sums three days of reads of every
 * story read, which on a site whose long tail is read (crawlers, shared links) is thousands of rows: asked
 * afresh by every article page rendered, it cost more than the rest of the page. Reads reach the database every
 * few seconds and pages are cached for five, so half a minute changes nothing a reader can see.
 */
const MOST_READ_FRESH_MS = 30_000;

/** Published stories read most over the last few Karachi days. */
export function mostReadStories(site: SiteContext, limit = MOST_READ): Promise<readonly ArticleSummary[]> {
  const frontPage = site.deps.frontPage;
  if (frontPage === undefined) return Promise.resolve([]);
  const now = site.deps.now().getTime();
  const fromDay = karachiDateKey(new Date(now - (MOST_READ_DAYS - 1) * DAY_MS));
  return site.shared.get(`mostRead:${fromDay}:${limit}`, MOST_READ_FRESH_MS, () =>
    frontPage.mostRead({ fromDay, limit }),
  );
}

/**
 * Everything the front page shows but the chrome: pins merged with the newest stories, then the rail and sections.
 * Nothing on it is counted: counting a section's stories read all of them (185 ms a section on PostgreSQL at
 * 100,000 stories), on every render of a page the market redraws each second.
 */
export async function frontPageContent(site: SiteContext): Promise<Omit<FrontPageProps, 'chrome'>> {
  const { store, frontPage } = site.deps;
  const [sections, candidates, pins, mostRead] = await Promise.all([
    store.listSections(),
    store.latestArticles({ limit: CANDIDATES }),
    frontPage?.pins() ?? Promise.resolve([]),
    mostReadStories(site),
  ]);
  const byId = new Map<number, ArticleSummary>(candidates.map((story) => [story.id, story]));
  // A pinned story older than the newest few is read on its own; one no longer published is left out.
  for (const pin of pins) {
    if (byId.has(pin.articleId)) continue;
    const pinned = await store.getArticle(pin.articleId);
    if (pinned !== null) byId.set(pinned.id, pinned);
  }
  const { lead, top, placed } = arrangeFrontPage(pins, candidates, byId);
  const latest = candidates.filter((story) => !placed.has(story.id)).slice(0, LATEST);
  const onPage = new Set([...placed, ...latest.map((story) => story.id)]);
  const opinionSection = sections.find((section) => section.slug === OPINION_SECTION);
  const blocks = await Promise.all(
    sections.map((section) =>
      store.latestArticles({ sectionSlug: section.slug, limit: STORIES_PER_SECTION_BLOCK + onPage.size }),
    ),
  );
  const sectionBlocks: SectionBlock[] = sections
    .filter((section) => section.slug !== OPINION_SECTION)
    .map((section) => ({
      section,
      stories: (blocks[sections.indexOf(section)] ?? [])
        .filter((story) => !onPage.has(story.id))
        .slice(0, STORIES_PER_SECTION_BLOCK),
    }));
  const opinionStories =
    opinionSection === undefined
      ? []
      : (blocks[sections.indexOf(opinionSection)] ?? []).filter((story) => !onPage.has(story.id)).slice(0, OPINION);
  // Each story is linked once on the page: the most read list names only those not already shown.
  const shown = new Set([
    ...onPage,
    ...opinionStories.map((story) => story.id),
    ...sectionBlocks.flatMap((block) => block.stories.map((story) => story.id)),
  ]);
  const pictures = await picturesFor(site, [...(lead === null ? [] : [lead]), ...top]);
  return {
    lead,
    top,
    latest,
    mostRead: mostRead.filter((story) => !shown.has(story.id)),
    opinion: opinionSection === undefined ? null : { section: opinionSection, stories: opinionStories },
    sectionBlocks,
    pictures,
  };
}
