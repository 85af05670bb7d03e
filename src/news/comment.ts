/** Moderation state of a reader comment; only approved comments are shown (DESIGN.md §4). */
export type CommentStatus = 'pending' | 'approved' | 'rejected';

/** A reader comment as stored. `email` is never shown to readers. */
export interface Comment {
  readonly id: number;
  readonly articleId: number;
  readonly name: string;
  readonly email: string;
  readonly body: string;
  readonly status: CommentStatus;
  readonly createdAt: Date;
  /** Address the comment was posted from, for moderation and rate limiting. */
  readonly ip: string;
}

/** A comment that passed validation and is about to be stored. */
export interface CommentSubmission {
  readonly articleId: number;
  readonly name: string;
  readonly email: string;
  readonly body: string;
  readonly ip: string;
}
