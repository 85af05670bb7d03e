import { karachiDateKey } from '../shared/pakistanTime.js';
import type { ArticleStatus } from './workflow.js';

/** Where a story shows on the reader site: its section, its tags, and the print edition of its day. */
export interface ArticlePlacement {
  readonly sectionSlug: string;
  readonly tagSlugs: readonly string[];
  /** Karachi date (YYYY-MM-DD) of the print edition it ran in, or null when web only. */
  readonly printDate: string | null;
}

/**
 * A newsroom change readers must see at once: which reader pages show (or
 * showed) the story. Plain data, so it can cross processes on the bus.
 */
export interface ArticleChange {
  readonly articleId: number;
  /** Where it was before and where it is now (one entry when nothing moved), for stories on the site either side. */
  readonly placements: readonly ArticlePlacement[];
  /** The story left the site (unpublished or killed): every page that may link to it must go. */
  readonly removed: boolean;
}

/** The facts of one state of a story that decide where it shows. */
export interface PlacementSource {
  readonly status: ArticleStatus;
  readonly sectionSlug: string;
  readonly tagSlugs: readonly string[];
  readonly publishedAt: Date;
  readonly printPage: number | null;
}

/** The change to announce between two states of a story, or null when it was on the site in neither. */
export function articleChangeOf(
  articleId: number,
  before: PlacementSource,
  after: PlacementSource,
): ArticleChange | null {
  const placements = [before, after].filter((state) => state.status === 'published').map(placementOf);
  if (placements.length === 0) return null;
  const [first, second] = placements;
  const distinct = second !== undefined && first !== undefined && samePlacement(first, second) ? [first] : placements;
  return { articleId, placements: distinct, removed: before.status === 'published' && after.status !== 'published' };
}

function placementOf(state: PlacementSource): ArticlePlacement {
  return {
    sectionSlug: state.sectionSlug,
    tagSlugs: [...state.tagSlugs],
    printDate: state.printPage === null ? null : karachiDateKey(state.publishedAt),
  };
}

function samePlacement(a: ArticlePlacement, b: ArticlePlacement): boolean {
  return (
    a.sectionSlug === b.sectionSlug &&
    a.printDate === b.printDate &&
    a.tagSlugs.length === b.tagSlugs.length &&
    a.tagSlugs.every((slug, index) => slug === b.tagSlugs[index])
  );
}
