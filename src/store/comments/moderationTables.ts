/** Comment moderation beyond a comment's status (migration 0005). Instants are epoch milliseconds, UTC. */
export interface ModerationTables {
  comment_bans: CommentBansTable;
  comment_spam_marks: CommentSpamMarksTable;
}

/** An address whose new comments are refused. */
export interface CommentBansTable {
  ip: string;
  reason: string | null;
  banned_at: number;
  /** Name of the moderator who banned it, as the audit log names them. */
  banned_by: string;
}

/** A rejected comment a moderator called spam. */
export interface CommentSpamMarksTable {
  comment_id: number;
  marked_at: number;
}
