import type { Kysely } from 'kysely';
import type { Comment, CommentStatus, CommentSubmission } from '../../news/comment.js';
import { toComment } from '../articles/articleRows.js';
import type { Database } from '../database.js';

/** How many comments a moderation list returns when the caller names no limit. */
const DEFAULT_MODERATION_LIMIT = 100;

/** Approved comments of one article, oldest first, as readers see the thread. */
export async function approvedComments(db: Kysely<Database>, articleId: number): Promise<Comment[]> {
  const rows = await db
    .selectFrom('comments')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map(toComment);
}

export async function addComment(
  db: Kysely<Database>,
  submission: CommentSubmission,
  status: CommentStatus,
  createdAt: Date,
): Promise<Comment> {
  const row = await db
    .insertInto('comments')
    .values({
      article_id: submission.articleId,
      name: submission.name,
      email: submission.email,
      body: submission.body,
      status,
      created_at: createdAt.getTime(),
      ip: submission.ip,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toComment(row);
}

/** Comments for moderation, newest first, optionally of one status. */
export async function listComments(
  db: Kysely<Database>,
  filter: { readonly status?: CommentStatus; readonly limit?: number },
): Promise<Comment[]> {
  const limit = filter.limit ?? DEFAULT_MODERATION_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`Comment limit must be a whole number ≥ 0`);
  const rows = await db
    .selectFrom('comments')
    .selectAll()
    .$if(filter.status !== undefined, (query) => query.where('status', '=', filter.status as CommentStatus))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toComment);
}

/** Moves comments to `status`; a comment already in that status is not "changed" and is not returned. */
export async function setCommentStatus(
  db: Kysely<Database>,
  ids: readonly number[],
  status: CommentStatus,
): Promise<number[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const rows = await db
    .updateTable('comments')
    .set({ status })
    .where('id', 'in', wanted)
    .where('status', '<>', status)
    .returning('id')
    .execute();
  return rows.map((row) => row.id).sort((a, b) => a - b);
}
