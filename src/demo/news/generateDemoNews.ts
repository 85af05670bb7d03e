import type { ArticleDraft } from '../../news/article.js';
import { slugify } from '../../news/slug.js';
import { canonicalTag } from '../../news/tag.js';
import { karachiDateKey, karachiWeekdayName } from '../../shared/pakistanTime.js';
import { type DemoPast, demoPastAt } from '../market/demoPast.js';
import { writeDemoComments } from './demoComments.js';
import type { DemoNews } from './demoNews.js';
import { createDemoEconomy, type DemoEconomy } from './economy.js';
import type { MarketDay } from './marketDays.js';
import { buildMarketDays } from './marketDays.js';
import { type MarketRecord, marketRecordOf } from './marketRecord.js';
import { createRng, type Rng } from './prng.js';
import { planPublicationDays, type Slot } from './publicationSchedule.js';
import { assignPrintPage, DEMO_SECTIONS, SECTION_DESKS } from './sectionDesks.js';
import type { Story } from './storyKit.js';

/** Seed used when none is given; any seed gives a coherent archive. */
export const DEFAULT_DEMO_SEED = 20230131;
/** Complete Karachi days of archive before today. */
const ARCHIVE_DAYS = 35;
const COMMENT_COUNT = 170;
/** Rewrites allowed before giving up on a unique headline; the template space makes this unreachable in practice. */
const MAX_HEADLINE_ATTEMPTS = 60;

export interface DemoNewsOptions {
  readonly now: Date;
  readonly seed?: number;
  /** The demo market's past the stories report; default the one the demo market and its history are built from. */
  readonly past?: DemoPast;
}

/**
 * Five weeks of original demo content for a fresh site: every article is
 * written from the desks' templates with figures from a seeded generator, so
 * the same seed and `now` always give the same archive.
 */
export function generateDemoNews(options: DemoNewsOptions): DemoNews {
  const rng = createRng(options.seed ?? DEFAULT_DEMO_SEED);
  const desk: Desk = {
    record: marketRecordOf(options.past ?? demoPastAt(options.now)),
    economy: createDemoEconomy(options.now, options.seed ?? DEFAULT_DEMO_SEED),
  };
  const days = planPublicationDays(rng, options.now, ARCHIVE_DAYS);
  const marketDays = buildMarketDays(
    rng,
    days.map((day) => day.weekday),
  );
  const headlines = new Set<string>();
  const articles: ArticleDraft[] = [];
  days.forEach((day, i) => {
    const market = marketDays[i];
    if (market === undefined) return;
    for (const slot of day.slots) {
      articles.push(fileStory(rng, slot, market, desk, headlines));
    }
  });
  const withTidyTags = settleFirstTagSpellings(articles);
  return {
    sections: DEMO_SECTIONS,
    articles: withTidyTags,
    comments: writeDemoComments(rng, withTidyTags, options.now, COMMENT_COUNT),
  };
}

/** What every desk reads from: the market's record and the economy's figures. */
interface Desk {
  readonly record: MarketRecord;
  readonly economy: DemoEconomy;
}

function fileStory(rng: Rng, slot: Slot, market: MarketDay, sources: Desk, headlines: Set<string>): ArticleDraft {
  const desk = SECTION_DESKS[slot.sectionSlug];
  const session = sources.record.sessionBefore(slot.at);
  const context = {
    rng,
    publishedAt: slot.at,
    weekday: karachiWeekdayName(slot.at),
    market,
    session,
    sessionIsToday: session !== null && session.date === karachiDateKey(slot.at),
    economy: sources.economy,
  };
  let story: Story | null = null;
  for (let attempt = 0; attempt < MAX_HEADLINE_ATTEMPTS && story === null; attempt++) {
    const candidate = desk.write(context);
    if (!headlines.has(candidate.headline)) story = candidate;
  }
  if (story === null) {
    throw new Error(`no unique ${slot.sectionSlug} headline after ${MAX_HEADLINE_ATTEMPTS} attempts`);
  }
  headlines.add(story.headline);
  return {
    ...story,
    slug: slugify(story.headline),
    sectionSlug: slot.sectionSlug,
    publishedAt: slot.at,
    printPage: assignPrintPage(rng, desk),
  };
}

/**
 * Desks type tags in mixed case on purpose, to exercise canonicalisation. The
 * store keeps the first spelling it meets as the display name, so the oldest
 * use of each tag is given the spelling used most often across the archive.
 */
function settleFirstTagSpellings(articles: readonly ArticleDraft[]): ArticleDraft[] {
  const counts = new Map<string, Map<string, number>>();
  for (const article of articles) {
    for (const name of article.tags) {
      const { slug } = canonicalTag(name);
      const spellings = counts.get(slug) ?? new Map<string, number>();
      spellings.set(name, (spellings.get(name) ?? 0) + 1);
      counts.set(slug, spellings);
    }
  }
  const settled = new Set<string>();
  return articles.map((article) => {
    const tags = article.tags.map((name) => {
      const { slug } = canonicalTag(name);
      if (settled.has(slug)) return name;
      settled.add(slug);
      return mostUsed(counts.get(slug)) ?? name;
    });
    return { ...article, tags };
  });
}

function mostUsed(spellings: Map<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [name, count] of spellings ?? []) {
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}
