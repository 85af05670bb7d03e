import type { Section } from '../../news/article.js';
import { writeBusinessStory } from './businessStories.js';
import { writeMarketsStory } from './marketsStories.js';
import { writeOpinionStory } from './opinionStories.js';
import { writePakistanStory } from './pakistanStories.js';
import type { Rng } from './prng.js';
import { writeSportsStory } from './sportsStories.js';
import type { StoryWriter } from './storyKit.js';
import { writeTechnologyStory } from './technologyStories.js';
import { writeWorldStory } from './worldStories.js';

export type DemoSectionSlug =
  | 'pakistan'
  | 'business-finance'
  | 'markets'
  | 'world'
  | 'opinion'
  | 'sports'
  | 'technology';

/** How a section's desk writes and where its stories run in print. */
interface SectionDesk {
  readonly section: Section;
  readonly write: StoryWriter;
  /** Share of its stories that also run in the paper. */
  readonly printShare: number;
  /** Inside pages the section owns, first and last. */
  readonly pages: readonly [number, number];
  /** Share of printed stories that make the front page. */
  readonly frontShare: number;
}

const section = (slug: DemoSectionSlug, name: string, position: number): Section => ({
  slug,
  name,
  position,
});

export const SECTION_DESKS: Readonly<Record<DemoSectionSlug, SectionDesk>> = {
  pakistan: {
    section: section('pakistan', 'Pakistan', 1),
    write: writePakistanStory,
    printShare: 0.65,
    pages: [2, 4],
    frontShare: 0.2,
  },
  'business-finance': {
    section: section('business-finance', 'Business & Finance', 2),
    write: writeBusinessStory,
    printShare: 0.7,
    pages: [5, 7],
    frontShare: 0.25,
  },
  markets: {
    section: section('markets', 'Markets', 3),
    write: writeMarketsStory,
    printShare: 0.65,
    pages: [8, 12],
    frontShare: 0.1,
  },
  world: {
    section: section('world', 'World', 4),
    write: writeWorldStory,
    printShare: 0.5,
    pages: [15, 18],
    frontShare: 0.05,
  },
  opinion: {
    section: section('opinion', 'Opinion', 5),
    write: writeOpinionStory,
    printShare: 0.85,
    pages: [13, 14],
    frontShare: 0,
  },
  sports: {
    section: section('sports', 'Sports', 6),
    write: writeSportsStory,
    printShare: 0.45,
    pages: [21, 24],
    frontShare: 0,
  },
  technology: {
    section: section('technology', 'Technology', 7),
    write: writeTechnologyStory,
    printShare: 0.4,
    pages: [19, 20],
    frontShare: 0,
  },
};

export const DEMO_SECTIONS: readonly Section[] = Object.values(SECTION_DESKS).map((d) => d.section);

/** Print page for a new story of this desk, or null when it is web only. */
export function assignPrintPage(rng: Rng, desk: SectionDesk): number | null {
  if (!rng.chance(desk.printShare)) return null;
  if (rng.chance(desk.frontShare)) return 1;
  return rng.int(desk.pages[0], desk.pages[1]);
}
