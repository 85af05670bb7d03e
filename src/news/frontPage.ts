/**
 * The front page's order: the places an editor can pin a story to, and how
 * pinned and automatic stories are merged. Pure; the store keeps the pins.
 */

/** The lead story, then the secondary stories beside and under it, in order. */
export type FrontPageSlot = 'lead' | 'top-1' | 'top-2' | 'top-3' | 'top-4';

export const FRONT_PAGE_SLOTS: readonly FrontPageSlot[] = ['lead', 'top-1', 'top-2', 'top-3', 'top-4'];

export const SLOT_LABELS: Readonly<Record<FrontPageSlot, string>> = {
  lead: 'Lead story',
  'top-1': 'Top story 1',
  'top-2': 'Top story 2',
  'top-3': 'Top story 3',
  'top-4': 'Top story 4',
};

export function isFrontPageSlot(value: unknown): value is FrontPageSlot {
  return typeof value === 'string' && (FRONT_PAGE_SLOTS as readonly string[]).includes(value);
}

/** A story an editor pinned to a slot; it stays there until unpinned or taken off the site. */
export interface FrontPagePin {
  readonly slot: FrontPageSlot;
  readonly articleId: number;
}

/**
 * Fills the lead and top slots: pinned stories in their slots, the newest
 * unpinned stories in the free ones (the automatic order), never a story
 * twice. `available` holds the stories that may appear (published), newest
 * first; a pin to a story not among them leaves its slot to the automatic order.
 */
export function arrangeFrontPage<T extends { readonly id: number }>(
  pins: readonly FrontPagePin[],
  available: readonly T[],
  byId: ReadonlyMap<number, T>,
): { readonly lead: T | null; readonly top: readonly T[]; readonly placed: ReadonlySet<number> } {
  const placed = new Set<number>();
  const bySlot = new Map<FrontPageSlot, T>();
  for (const slot of FRONT_PAGE_SLOTS) {
    const pin = pins.find((candidate) => candidate.slot === slot);
    const story = pin === undefined ? undefined : byId.get(pin.articleId);
    if (story !== undefined && !placed.has(story.id)) {
      bySlot.set(slot, story);
      placed.add(story.id);
    }
  }
  const automatic = available.filter((story) => !placed.has(story.id));
  for (const slot of FRONT_PAGE_SLOTS) {
    if (bySlot.has(slot)) continue;
    const next = automatic.shift();
    if (next === undefined) break;
    bySlot.set(slot, next);
    placed.add(next.id);
  }
  const top = FRONT_PAGE_SLOTS.slice(1).flatMap((slot) => {
    const story = bySlot.get(slot);
    return story === undefined ? [] : [story];
  });
  return { lead: bySlot.get('lead') ?? null, top, placed };
}
