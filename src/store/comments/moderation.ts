import type { Kysely } from 'kysely';
import type { Comment, CommentStatus } from '../../news/comment.js';
import { bySpamLikelihood, type SpamAssessment, type SpamCandidate, spamScore } from '../../news/spamScore.js';
import { toComment } from '../articles/articleRows.js';
import type { Database } from '../database.js';

/** What a moderator can do to a comment. Spam is a rejection that is also remembered as spam. */
export type ModerationAction = 'approve' | 'reject' | 'spam';
export const MODERATION_ACTIONS: readonly ModerationAction[] = ['approve', 'reject', 'spam'];

/** Which comments a moderation list shows; `rejected` leaves out the ones marked spam. */
export type ModerationFilter = CommentStatus | 'spam';
export const MODERATION_FILTERS: readonly ModerationFilter[] = ['pending', 'approved', 'rejected', 'spam'];

/** One comment in the queue, with what a moderator needs to judge it. */
export interface QueuedComment extends Comment {
  readonly spam: SpamAssessment;
  readonly markedSpam: boolean;
  readonly article: { readonly id: number; readonly slug: string; readonly headline: string };
  readonly addressBanned: boolean;
}

export interface ArticleCommentCount {
  readonly articleId: number;
  readonly slug: string;
  readonly headline: string;
  readonly pending: number;
}

export interface CommentBan {
  readonly ip: string;
  readonly reason: string | null;
  readonly bannedAt: Date;
  readonly bannedBy: string;
}

/** Comments posted within this much of one another are each other's context for the spam score. */
const SPAM_CONTEXT_MS = 24 * 60 * 60 * 1000;
const MAX_CONTEXT_COMMENTS = 5000;

/** Comments of one filter, most likely spam first (see src/news/spamScore.ts), optionally of one article. */
export async function moderationQueue(
  db: Kysely<Database>,
  query: { readonly filter: ModerationFilter; readonly limit: number; readonly articleId?: number },
): Promise<QueuedComment[]> {
  const status: CommentStatus = query.filter === 'spam' ? 'rejected' : query.filter;
  const rows = await db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .leftJoin('comment_spam_marks', 'comment_spam_marks.comment_id', 'comments.id')
    .leftJoin('comment_bans', 'comment_bans.ip', 'comments.ip')
    .selectAll('comments')
    .select([
      'articles.slug as article_slug',
      'articles.headline as article_headline',
      'comment_spam_marks.comment_id as spam_mark',
      'comment_bans.ip as banned_ip',
    ])
    .where('comments.status', '=', status)
    .$if(query.filter === 'spam', (q) => q.where('comment_spam_marks.comment_id', 'is not', null))
    .$if(query.filter === 'rejected', (q) => q.where('comment_spam_marks.comment_id', 'is', null))
    .$if(query.articleId !== undefined, (q) => q.where('comments.article_id', '=', query.articleId as number))
    .orderBy('comments.created_at', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(query.limit)
    .execute();
  if (rows.length === 0) return [];

  const times = rows.map((row) => Number(row.created_at));
  const context = await db
    .selectFrom('comments')
    .select(['id', 'body', 'ip', 'created_at'])
    .where('created_at', '>=', Math.min(...times) - SPAM_CONTEXT_MS)
    .where('created_at', '<=', Math.max(...times) + SPAM_CONTEXT_MS)
    .orderBy('created_at', 'desc')
    .limit(MAX_CONTEXT_COMMENTS)
    .execute();

  const queued = rows.map((row): QueuedComment => {
    const at = Number(row.created_at);
    const recent: SpamCandidate[] = context.filter(
      (other) => Math.abs(Number(other.created_at) - at) <= SPAM_CONTEXT_MS,
    );
    return {
      ...toComment(row),
      spam: spamScore({ id: row.id, body: row.body, ip: row.ip }, { recent }),
      markedSpam: row.spam_mark !== null,
      article: { id: row.article_id, slug: row.article_slug, headline: row.article_headline },
      addressBanned: row.banned_ip !== null,
    };
  });
  return queued.sort(bySpamLikelihood);
}

/** Articles with comments awaiting moderation, most waiting first. */
export async function pendingCountsByArticle(database: Kysely<Database>, limit = 50): Promise<ArticleCommentCount[]> {
  const rows = await database
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select(['articles.id', 'articles.slug', 'articles.headline'])
    .select((eb) => eb.fn.countAll().as('pending'))
    .where('comments.status', '=', 'pending')
    .groupBy('articles.id')
    .orderBy('pending', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    articleId: row.id,
    slug: row.slug,
    headline: row.headline,
    pending: Number(row.pending),
  }));
}

/** Counts of comments by moderation filter, for the tabs of the queue. */
export async function moderationCounts(db: Kysely<Database>): Promise<Record<ModerationFilter, number>> {
  const rows = await db
    .selectFrom('comments')
    .leftJoin('comment_spam_marks', 'comment_spam_marks.comment_id', 'comments.id')
    .select(['comments.status', (eb) => eb.fn.count('comment_spam_marks.comment_id').as('spam')])
    .select((eb) => eb.fn.countAll().as('total'))
    .groupBy('comments.status')
    .execute();
  const counts: Record<ModerationFilter, number> = { pending: 0, approved: 0, rejected: 0, spam: 0 };
  for (const row of rows) {
    const spam = Number(row.spam);
    if (row.status === 'rejected') {
      counts.spam = spam;
      counts.rejected = Number(row.total) - spam;
    } else {
      counts[row.status] = Number(row.total);
    }
  }
  return counts;
}

/** What a moderation action changed: the comments, and the articles whose pages must be re-rendered. */
export interface ModerationOutcome {
  readonly changed: readonly number[];
  readonly articleIds: readonly number[];
}

/**
 * Applies one action to comments. A comment is "changed" when its status or
 * its spam mark moved; ids that do not exist are left out of the outcome.
 */
export async function moderateComments(
  database: Kysely<Database>,
  input: { readonly ids: readonly number[]; readonly action: ModerationAction; readonly at: Date },
): Promise<ModerationOutcome> {
  const wanted = [...new Set(input.ids)];
  if (wanted.length === 0) return { changed: [], articleIds: [] };
  return database.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('comments')
      .leftJoin('comment_spam_marks', 'comment_spam_marks.comment_id', 'comments.id')
      .select(['comments.id', 'comments.article_id', 'comments.status', 'comment_spam_marks.comment_id as mark'])
      .where('comments.id', 'in', wanted)
      .execute();
    const status: CommentStatus = input.action === 'approve' ? 'approved' : 'rejected';
    const marked = input.action === 'spam';
    const changing = before.filter((row) => row.status !== status || (row.mark !== null) !== marked);
    if (changing.length === 0) return { changed: [], articleIds: [] };
    const ids = changing.map((row) => row.id);
    await trx.updateTable('comments').set({ status }).where('id', 'in', ids).execute();
    if (marked) {
      await trx
        .insertInto('comment_spam_marks')
        .values(ids.map((id) => ({ comment_id: id, marked_at: input.at.getTime() })))
        .onConflict((conflict) => conflict.column('comment_id').doNothing())
        .execute();
    } else {
      await trx.deleteFrom('comment_spam_marks').where('comment_id', 'in', ids).execute();
    }
    return {
      changed: ids.sort((a, b) => a - b),
      articleIds: [...new Set(changing.map((row) => row.article_id))].sort((a, b) => a - b),
    };
  });
}

/** Bans an address (again, with a new reason, if it already is). */
export async function banAddress(
  database: Kysely<Database>,
  input: { readonly ip: string; readonly reason: string | null; readonly by: string; readonly at: Date },
): Promise<void> {
  const values = { ip: input.ip, reason: input.reason, banned_at: input.at.getTime(), banned_by: input.by };
  await database
    .insertInto('comment_bans')
    .values(values)
    .onConflict((conflict) =>
      conflict
        .column('ip')
        .doUpdateSet({ reason: values.reason, banned_at: values.banned_at, banned_by: values.banned_by }),
    )
    .execute();
}

/** Lifts a ban; false when the address was not banned. */
export async function unbanAddress(database: Kysely<Database>, ip: string): Promise<boolean> {
  const result = await database.deleteFrom('comment_bans').where('ip', '=', ip).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The address a comment was posted from, or null when there is no such comment. */
export async function commentAddress(database: Kysely<Database>, commentId: number): Promise<string | null> {
  const row = await database.selectFrom('comments').select('ip').where('id', '=', commentId).executeTakeFirst();
  return row?.ip ?? null;
}

export async function isAddressBanned(database: Kysely<Database>, ip: string): Promise<boolean> {
  const row = await database.selectFrom('comment_bans').select('ip').where('ip', '=', ip).executeTakeFirst();
  return row !== undefined;
}

/** Newest ban first. */
export async function listBans(database: Kysely<Database>, limit = 200): Promise<CommentBan[]> {
  const rows = await database
    .selectFrom('comment_bans')
    .selectAll()
    .orderBy('banned_at', 'desc')
    .orderBy('ip')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    ip: row.ip,
    reason: row.reason,
    bannedAt: new Date(Number(row.banned_at)),
    bannedBy: row.banned_by,
  }));
}
