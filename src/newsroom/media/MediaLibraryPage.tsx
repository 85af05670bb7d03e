import { mediaUrl } from '../../http/siteUrls.js';
import type { MediaAsset, MediaField } from '../../news/media.js';
import {
  ALT_MAX_CHARS,
  CAPTION_MAX_CHARS,
  CREDIT_MAX_CHARS,
  MEDIA_MAX_BYTES,
  RENDITION_WIDTHS,
} from '../../news/media.js';
import type { Actor } from '../../news/roles.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';

export interface MediaLibraryPageProps {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly items: readonly MediaAsset[];
  readonly total: number;
  /** What was typed, kept after a refused upload. */
  readonly values: { readonly alt: string; readonly caption: string; readonly credit: string };
  readonly errors: readonly FieldProblem[];
  readonly flash?: Flash;
  /** The words the library was searched for ('' lists the newest). */
  readonly search: string;
  /** The story a picture is being chosen for: each picture offers to be its featured picture. */
  readonly forArticle: number | null;
}

/** Upload a picture with its words, and see the library with the block to paste into an article. */
export function MediaLibraryPage(props: MediaLibraryPageProps) {
  const errorOf = (field: MediaField) => props.errors.find((error) => error.field === field)?.message;
  const fieldError = (field: MediaField) => {
    const message = errorOf(field);
    return message === undefined ? null : (
      <p class="flash flash-error" id={`${field}-error`}>
        {message}
      </p>
    );
  };
  const described = (field: MediaField) =>
    errorOf(field) === undefined ? {} : { 'aria-describedby': `${field}-error`, 'aria-invalid': true as const };
  return (
    <AdminLayout
      title="Media library"
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/media"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <form class="stacked" method="post" action="/admin/media" enctype="multipart/form-data">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <label for="media-file">
          Picture (JPEG, PNG or WebP, at most {Math.round(MEDIA_MAX_BYTES / 1024 / 1024)} MB)
        </label>
        <input
          id="media-file"
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          required
          {...described('file')}
        />
        {fieldError('file')}
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
        <label for="media-credit">Credit (e.g. AFP, Reuters, staff photographer)</label>
        <input
          id="media-credit"
          name="credit"
          maxLength={CREDIT_MAX_CHARS}
          value={props.values.credit}
          {...described('credit')}
        />
        {fieldError('credit')}
        <button type="submit">Upload</button>
      </form>
      <p class="muted">
        Each upload is kept as sent and resized to {RENDITION_WIDTHS.join(', ')} pixels wide (never enlarged), as WebP
        and JPEG.
      </p>
      <h2 id="library-heading">
        {props.search === '' ? `Library (${props.total})` : `${props.total} pictures match “${props.search}”`}
      </h2>
      {props.forArticle !== null ? (
        <p class="flash">
          Choosing the featured picture of <a href={`/admin/articles/${props.forArticle}`}>story {props.forArticle}</a>:
          press “Feature” under a picture.
        </p>
      ) : null}
      <form method="get" action="/admin/media" aria-label="Search the library">
        {props.forArticle !== null ? <input type="hidden" name="for" value={String(props.forArticle)} /> : null}
        <label for="media-search">Search alt text, captions and credits, or a picture number</label>{' '}
        <input id="media-search" name="q" type="search" maxLength={200} value={props.search} />{' '}
        <button type="submit">Search</button>
      </form>
      {props.items.length === 0 ? (
        <p class="muted">{props.search === '' ? 'No pictures yet.' : 'No picture matches.'}</p>
      ) : null}
      <ul>
        {props.items.map((asset) => (
          <li key={asset.id}>
            <img
              src={mediaUrl(asset.id, asset.widths[0] ?? asset.width, 'jpg')}
              width={160}
              height={Math.max(1, Math.round((160 * asset.height) / asset.width))}
              alt={asset.alt}
              loading="lazy"
            />
            <p>
              Picture {asset.id}: {asset.width}×{asset.height}, {asset.alt}
              {asset.caption !== null ? ` — ${asset.caption}` : ''}
              {asset.credit !== null ? ` (${asset.credit})` : ''}
            </p>
            <p>
              Article block: <code>{JSON.stringify({ type: 'image', mediaId: asset.id, alt: asset.alt })}</code>
            </p>
            <p>
              <a href={`/admin/media/${asset.id}`}>Edit or delete picture {asset.id}</a>
            </p>
            {props.forArticle !== null ? (
              <form method="post" action={`/admin/articles/${props.forArticle}/picture`}>
                <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                <input type="hidden" name="featuredMediaId" value={String(asset.id)} />
                <input type="hidden" name="featuredFocus" value="center" />
                <button type="submit">
                  Feature picture {asset.id} on story {props.forArticle}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
