import type { NewsStore } from '../store/newsStore.js';

/** What the dashboard shows; null for a count the store cannot give yet. */
export interface DashboardCounts {
  readonly drafts: number | null;
  readonly inReview: number | null;
  readonly scheduled: number | null;
  readonly pendingComments: number;
}

// Past this many, "10,000" is as useful as the exact figure and far cheaper to get.
const COUNT_CEILING = 10_000;

/**
 * The one place the dashboard's figures come from. Articles have no workflow
 * status yet: when the article workflow lands, fill drafts, inReview and
 * scheduled here from its store.
 */
export async function dashboardCounts(store: NewsStore): Promise<DashboardCounts> {
  const pending = await store.listComments({ status: 'pending', limit: COUNT_CEILING });
  return { drafts: null, inReview: null, scheduled: null, pendingComments: pending.length };
}
