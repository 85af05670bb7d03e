import { mediaUrl } from '../../http/siteUrls.js';
import type { MediaAsset, MediaField } from '../../news/media.js';
import { ALT_MAX_CHARS, CAPTION_MAX_CHARS, CREDIT_MAX_CHARS, renditionHeight } from '../../news/media.js';
import type { Actor } from '../../news/roles.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';

const PREVIEW_WIDTH = 480;

/** One library picture: change its words, or delete it (refused while a published story shows it). */
export function MediaEditPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly asset: MediaAsset;
  readonly values: { readonly alt: string; readonly caption: string; readonly credit: string };
  readonly errors: readonly FieldProblem[];
  readonly flash?: Flash;
  /** Published stories that show the picture, when a delete was refused for them. */
  readonly usedBy?: readonly { readonly id: number; readonly headline: string }[];
}) {
  const { asset } = props;
  const errorOf = (field: MediaField) => props.errors.find((error) => error.field === field)?.message;
  const described = (field: MediaField) =>
    errorOf(field) === undefined ? {} : { 'aria-describedby': `${field}-error`, 'aria-invalid': true as const };
  const fieldError = (field: MediaField) => {
    const message = errorOf(field);
    return message === undefined ? null : (
      <p class="flash flash-error" id={`${field}-error`}>
        {message}
      </p>
    );
  };
  const previewWidth = Math.min(PREVIEW_WIDTH, asset.width);
  return (
    <AdminLayout
      title={`Picture ${asset.id}`}
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/media"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <p>
        <a href="/admin/media">Back to the library</a>
      </p>
      <img
        src={mediaUrl(asset.id, asset.widths.find((width) => width >= previewWidth) ?? asset.width, 'jpg')}
        width={previewWidth}
        height={renditionHeight(asset, previewWidth)}
        alt={asset.alt}
      />
      <p class="muted">
        {asset.width}×{asset.height}, {asset.format.toUpperCase()}, uploaded{' '}
        <time dateTime={asset.createdAt.toISOString()}>{asset.createdAt.toISOString().slice(0, 10)}</time>
      </p>
      <form class="stacked" method="post" action={`/admin/media/${asset.id}`}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <label for="media-alt">Alt text: what the picture shows, for readers who cannot see it (required)</label>
        <input
          id="media-alt"
          name="alt"
          required
          maxLength={ALT_MAX_CHARS}
          value={props.values.alt}
          {...described('alt')}
        />
        {fieldError('alt')}
        <label for="media-caption">Caption</label>
        <input
          id="media-caption"
          name="caption"
          maxLength={CAPTION_MAX_CHARS}
          value={props.values.caption}
          {...described('caption')}
        />
        {fieldError('caption')}
        <label for="media-credit">Credit</label>
        <input
          id="media-credit"
          name="credit"
          maxLength={CREDIT_MAX_CHARS}
          value={props.values.credit}
          {...described('credit')}
        />
        {fieldError('credit')}
        <button type="submit">Save words</button>
      </form>
      <h2>Delete</h2>
      {props.usedBy !== undefined && props.usedBy.length > 0 ? (
        <div class="flash flash-error" role="alert">
          <p>Not deleted: these published stories show this picture. Change their pictures first.</p>
          <ul>
            {props.usedBy.map((story) => (
              <li key={story.id}>
                <a href={`/admin/articles/${story.id}`}>{story.headline}</a> (
                <a href={`/news/${story.id}`}>on the site</a>)
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={`/admin/media/${asset.id}/delete`}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <p class="muted">
          A picture a published story shows cannot be deleted. Drafts that feature it lose their featured picture.
        </p>
        <button type="submit">Delete picture {asset.id}</button>
      </form>
    </AdminLayout>
  );
}
