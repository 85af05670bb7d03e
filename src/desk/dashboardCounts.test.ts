import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Comment } from '../news/comment.js';
import type { ArticleStatus } from '../news/workflow.js';
import type { NewsStore } from '../store/articles/newsStore.js';
import { dashboardCounts } from './dashboardCounts.js';

test('the dashboard counts drafts, stories in review, scheduled stories and pending comments', async () => {
  const asked: unknown[] = [];
  const store = {
    listComments: async (query: unknown) => {
      asked.push(query);
      return [{ id: 1 }, { id: 2 }, { id: 3 }] as unknown as Comment[];
    },
  } as unknown as NewsStore;
  const byStatus: Record<ArticleStatus, number> = {
    draft: 4,
    in_review: 2,
    scheduled: 1,
    published: 400,
    unpublished: 5,
    killed: 6,
  };
  const counts = await dashboardCounts({ store, workflow: { countByStatus: async () => byStatus } });
  assert.deepEqual(counts, { drafts: 4, inReview: 2, scheduled: 1, pendingComments: 3 });
  assert.equal((asked[0] as { status?: string }).status, 'pending', 'counted comments other than pending ones');
});
