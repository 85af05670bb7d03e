import type { Comment } from '../../news/comment.js';
import { COMMENT_PENDING_NOTICE } from '../../news/commentMessages.js';
import { COMMENT_MAX_CHARS, type CommentField } from '../../news/commentRules.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import { drawFragment, fragmentHtml, type SharedFragment } from '../components/sharedFragment.js';

/** What the reader typed and what was wrong with it, when the form comes back. */
export interface CommentFormState {
  readonly values: { readonly name: string; readonly email: string; readonly body: string };
  readonly errors: readonly FieldProblem[];
  /** The whole comment refused for now (too many comments, a barred address), said beside the kept text. */
  readonly refusal?: string;
}

/** The form's id, for links to it. */
const COMMENT_FORM_ID = 'comment-form';

const FIELD_ORDER: readonly CommentField[] = ['name', 'email', 'body'];

/**
 * Approved comments and the form. Comment text is untrusted: it is only ever
 * passed to JSX as text, which escapes it; e-mail addresses are never shown.
 * Names and bodies may be written right to left (Urdu): each is isolated so
 * it cannot reorder the date or punctuation around it.
 */
export function CommentsSection(props: {
  readonly articleId: number;
  /** The article's own address: the form posts there, so a refused comment comes back at a reloadable URL. */
  readonly articlePath: string;
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
                <strong>
                  <bdi>{comment.name}</bdi>
                </strong>{' '}
                · <time dateTime={comment.createdAt.toISOString()}>{formatPublished(comment.createdAt)}</time>
              </p>
              <p class="comment-body" dir="auto">
                {comment.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      {props.open === false ? (
        <p class="notice">Comments open once the story is published.</p>
      ) : (
        <CommentForm action={props.articlePath} api={commentApiUrl(props.articleId)} form={props.form} />
      )}
    </section>
  );
}

/** The JSON API the form's script posts to (docs/api.md). */
function commentApiUrl(articleId: number): string {
  return `/api/v1/articles/${articleId}/comments`;
}

function CommentForm(props: { readonly action: string; readonly api: string; readonly form: CommentFormState | null }) {
  const attributes = {
    id: COMMENT_FORM_ID,
    class: 'comment-form',
    method: 'post',
    action: props.action,
    'aria-labelledby': 'comment-form-heading',
    'data-comment-api': props.api,
  } as const;
  if (props.form === null) {
    // The empty form is alike on every article page but for its addresses: its fields are drawn once.
    emptyFields ??= drawFragment(<FormFields form={null} />);
    return <form {...attributes} dangerouslySetInnerHTML={{ __html: fragmentHtml(emptyFields) }} />;
  }
  return (
    <form {...attributes}>
      <FormFields form={props.form} />
    </form>
  );
}

let emptyFields: SharedFragment | undefined;

function FormFields(props: { readonly form: CommentFormState | null }) {
  const values = props.form?.values ?? { name: '', email: '', body: '' };
  const errorFor = (field: CommentField) => props.form?.errors.find((error) => error.field === field)?.message;
  const refusal = props.form?.refusal;
  // Without JavaScript too, focus (and so the scroll) lands where the reader has something to do: the first field
  // in error, or the kept comment when the whole comment was refused for now. A fragment in the form's action
  // would not do: browsers skip autofocus when the address names a fragment.
  const focusField =
    FIELD_ORDER.find((field) => errorFor(field) !== undefined) ?? (refusal !== undefined ? 'body' : undefined);
  const describedBy = (field: CommentField, hint?: string) =>
    [
      hint,
      errorFor(field) !== undefined ? `comment-${field}-error` : undefined,
      field === 'body' && refusal !== undefined ? 'comment-form-refusal' : undefined,
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const fieldError = (field: CommentField) => {
    const message = errorFor(field);
    return message !== undefined ? (
      <p class="form-error" id={`comment-${field}-error`}>
        {message}
      </p>
    ) : null;
  };
  const errorCount = props.form?.errors.length ?? 0;
  return (
    <>
      <h3 id="comment-form-heading">Leave a comment</h3>
      {refusal !== undefined ? (
        <p class="form-error" role="alert" id="comment-form-refusal">
          {refusal}
        </p>
      ) : errorCount > 0 ? (
        <p class="form-error" role="alert">
          Please correct the {errorCount === 1 ? 'error' : 'errors'} below; what you wrote is kept.
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
          dir="auto"
          value={values.name}
          autofocus={focusField === 'name'}
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
          autofocus={focusField === 'email'}
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
        {/* No maxlength: browsers count it in UTF-16 units (an emoji twice); the counter and the server count
            characters (commentBodyLength). */}
        <textarea
          id="comment-body"
          name="body"
          required
          dir="auto"
          rows={6}
          data-max-chars={COMMENT_MAX_CHARS}
          autofocus={focusField === 'body'}
          aria-invalid={errorFor('body') !== undefined ? 'true' : undefined}
          aria-describedby={describedBy('body', 'comment-body-hint')}
          value={values.body}
        />
        <p class="form-hint" id="comment-body-hint">
          At most {COMMENT_MAX_CHARS.toLocaleString('en-US')} characters; an emoji counts as one. Comments are plain
          text and appear after moderation.
        </p>
        {fieldError('body')}
      </div>
      <button class="button" type="submit">
        Post comment
      </button>
    </>
  );
}
