import type { Comment } from '../../news/comment.js';
import { COMMENT_MAX_CHARS, type CommentField } from '../../news/commentRules.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { formatPublished } from '../../shared/pakistanTime.js';

/** What the reader typed and what was wrong with it, when the form comes back. */
export interface CommentFormState {
  readonly values: { readonly name: string; readonly email: string; readonly body: string };
  readonly errors: readonly FieldProblem[];
}

export const COMMENT_PENDING_NOTICE = 'Thank you — your comment is awaiting moderation.';

/**
 * Approved comments and the form. Comment text is untrusted: it is only ever
 * passed to JSX as text, which escapes it; e-mail addresses are never shown.
 */
export function CommentsSection(props: {
  readonly articleId: number;
  readonly comments: readonly Comment[];
  readonly pendingNotice: boolean;
  readonly form: CommentFormState | null;
  /** Whether readers may comment: a preview of an unpublished story says so instead of showing a form. */
  readonly open?: boolean;
}) {
  const count = props.comments.length;
  return (
    <section class="comments" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        Comments <span class="story-meta">({count})</span>
      </h2>
      {props.pendingNotice ? (
        <p class="notice" role="status">
          {COMMENT_PENDING_NOTICE}
        </p>
      ) : null}
      {count === 0 ? (
        <p>No comments yet.</p>
      ) : (
        <ol class="comment-list">
          {props.comments.map((comment) => (
            <li key={comment.id} id={`comment-${comment.id}`}>
              <p class="story-meta">
                <strong>{comment.name}</strong> ·{' '}
                <time dateTime={comment.createdAt.toISOString()}>{formatPublished(comment.createdAt)}</time>
              </p>
              <p>{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      {props.open === false ? (
        <p class="notice">Comments open once the story is published.</p>
      ) : (
        <CommentForm articleId={props.articleId} form={props.form} />
      )}
    </section>
  );
}

function CommentForm(props: { readonly articleId: number; readonly form: CommentFormState | null }) {
  const values = props.form?.values ?? { name: '', email: '', body: '' };
  const errorFor = (field: CommentField) => props.form?.errors.find((error) => error.field === field)?.message;
  const describedBy = (field: CommentField, hint?: string) =>
    [hint, errorFor(field) !== undefined ? `comment-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: CommentField) => {
    const message = errorFor(field);
    return message !== undefined ? (
      <p class="form-error" id={`comment-${field}-error`}>
        {message}
      </p>
    ) : null;
  };
  return (
    <form method="post" action={`/news/${props.articleId}/comments`} aria-labelledby="comment-form-heading">
      <h3 id="comment-form-heading">Leave a comment</h3>
      {props.form !== null && props.form.errors.length > 0 ? (
        <p class="form-error" role="alert">
          Please correct the {props.form.errors.length === 1 ? 'error' : 'errors'} below.
        </p>
      ) : null}
      <div class="form-field">
        <label for="comment-name">Name</label>
        <input
          id="comment-name"
          name="name"
          type="text"
          autocomplete="name"
          required
          maxLength={80}
          value={values.name}
          aria-invalid={errorFor('name') !== undefined ? 'true' : undefined}
          aria-describedby={describedBy('name')}
        />
        {fieldError('name')}
      </div>
      <div class="form-field">
        <label for="comment-email">E-mail</label>
        <input
          id="comment-email"
          name="email"
          type="email"
          autocomplete="email"
          required
          maxLength={254}
          value={values.email}
          aria-invalid={errorFor('email') !== undefined ? 'true' : undefined}
          aria-describedby={describedBy('email', 'comment-email-hint')}
        />
        <p class="form-hint" id="comment-email-hint">
          Your e-mail address is never shown.
        </p>
        {fieldError('email')}
      </div>
      <div class="form-field">
        <label for="comment-body">Comment</label>
        <textarea
          id="comment-body"
          name="body"
          required
          maxLength={COMMENT_MAX_CHARS}
          rows={6}
          aria-invalid={errorFor('body') !== undefined ? 'true' : undefined}
          aria-describedby={describedBy('body', 'comment-body-hint')}
          value={values.body}
        />
        <p class="form-hint" id="comment-body-hint">
          {COMMENT_MAX_CHARS} characters at most. Comments are plain text and appear after moderation.
        </p>
        {fieldError('body')}
      </div>
      <button class="button" type="submit">
        Post comment
      </button>
    </form>
  );
}
