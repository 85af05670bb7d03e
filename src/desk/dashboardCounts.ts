import type { ArticleWorkflowStore } from '../store/articles/articleWorkflow.js';
import type { NewsStore } from '../store/articles/newsStore.js';

/** What the dashboard shows. */
export interface DashboardCounts {
  readonly drafts: number;
  readonly inReview: number;
  readonly scheduled: number;
  readonly pendingComments: number;
}

/** Where the figures come from: the reader site's store for comments, the newsroom's for article statuses. */
export interface DashboardSources {
  readonly store: NewsStore;
  readonly workflow: Pick<ArticleWorkflowStore, 'countByStatus'>;
}

// Past this many, "10,000" is as useful as the exact figure and far cheaper to get.
const COUNT_CEILING = 10_000;

/** The one place the dashboard's figures come from. */
export async function dashboardCounts(sources: DashboardSources): Promise<DashboardCounts> {
  const [pending, byStatus] = await Promise.all([
    sources.store.listComments({ status: 'pending', limit: COUNT_CEILING }),
    sources.workflow.countByStatus(),
  ]);
  return {
    drafts: byStatus.draft,
    inReview: byStatus.in_review,
    scheduled: byStatus.scheduled,
    pendingComments: pending.length,
  };
}
