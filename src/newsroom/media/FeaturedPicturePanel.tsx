import { mediaUrl } from '../../http/siteUrls.js';
import { FOCUS_LABELS, FOCUS_POINTS, type StoryPicture } from '../../news/featuredImage.js';
import {
  ALT_MAX_CHARS,
  CAPTION_MAX_CHARS,
  CREDIT_MAX_CHARS,
  MEDIA_MAX_BYTES,
  type MediaAsset,
  renditionHeight,
} from '../../news/media.js';
import { CSRF_FIELD } from '../http/csrf.js';

export interface FeaturedPicturePanelProps {
  readonly articleId: number;
  readonly csrfToken: string;
  /** The story's featured picture now, or null. */
  readonly current: StoryPicture | null;
  /** The newest library pictures to choose from (the current one is added when older). */
  readonly choices: readonly MediaAsset[];
  /** Whether this person may change the story (a writer's own draft, or an editor). */
  readonly editable: boolean;
}

const PREVIEW_WIDTH = 240;

/**
 * The story's featured picture: choose one from the library (a plain select,
 * or search the library and pick there), or upload one here, with a caption,
 * a credit and the focal point thumbnails keep. Its own forms, so choosing a
 * picture never posts the story's text.
 */
export function FeaturedPicturePanel(props: FeaturedPicturePanelProps) {
  const { current, articleId } = props;
  const action = `/admin/articles/${articleId}/picture`;
  const choices =
    current === null || props.choices.some((asset) => asset.id === current.asset.id)
      ? props.choices
      : [current.asset, ...props.choices];
  return (
    <section class="featured-picture" id="featured-picture" aria-labelledby="featured-picture-heading">
      <h2 id="featured-picture-heading">Featured picture</h2>
      <p class="muted">
        Leads the story, stands beside its headline in lists and is the picture shown when it is shared.
      </p>
      {current !== null ? (
        <figure>
          <img
            src={mediaUrl(current.asset.id, current.asset.widths[0] ?? current.asset.width, 'jpg')}
            width={PREVIEW_WIDTH}
            height={renditionHeight(current.asset, PREVIEW_WIDTH)}
            alt={current.alt}
          />
          <figcaption>
            Picture {current.asset.id}
            {current.caption !== null ? `: ${current.caption}` : ''}
            {current.credit !== null ? ` (${current.credit})` : ''} · focal point {FOCUS_LABELS[current.focus]}
          </figcaption>
        </figure>
      ) : (
        <p>No featured picture: lists show the headline alone and shares use the generated card.</p>
      )}
      {props.editable ? (
        <>
          <form method="post" action={action} class="stacked" data-picture-picker="">
            <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
            <label for="featured-media">Picture from the library</label>
            <select id="featured-media" name="featuredMediaId">
              <option value="none" selected={current === null}>
                No featured picture
              </option>
              {choices.map((asset) => (
                <option key={asset.id} value={String(asset.id)} selected={current?.asset.id === asset.id}>
                  {`${asset.id}: ${asset.alt}${asset.credit !== null ? ` (${asset.credit})` : ''}`}
                </option>
              ))}
            </select>
            <p>
              <a href={`/admin/media?for=${articleId}`}>Search the whole library</a>
            </p>
            <PictureWords current={current} prefix="featured" />
            <button type="submit">Save featured picture</button>
          </form>
          <form
            method="post"
            action={`${action}/upload`}
            enctype="multipart/form-data"
            class="stacked"
            aria-labelledby="featured-upload-heading"
          >
            <h3 id="featured-upload-heading">Or upload a new picture for this story</h3>
            <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
            <label for="featured-upload-file">
              Picture (JPEG, PNG or WebP, at most {Math.round(MEDIA_MAX_BYTES / 1024 / 1024)} MB)
            </label>
            <input
              id="featured-upload-file"
              name="file"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              required
            />
            <label for="featured-upload-alt">Alt text: what the picture shows (required)</label>
            <input id="featured-upload-alt" name="alt" required maxLength={ALT_MAX_CHARS} />
            <PictureWords current={null} prefix="featured-upload" />
            <button type="submit">Upload and feature</button>
          </form>
        </>
      ) : null}
    </section>
  );
}

/** Caption, credit and focal point, with the story's current values. */
function PictureWords(props: { readonly current: StoryPicture | null; readonly prefix: string }) {
  const { current, prefix } = props;
  return (
    <>
      <label for={`${prefix}-caption`}>Caption for this story (empty: the library's)</label>
      <input
        id={`${prefix}-caption`}
        name="featuredCaption"
        maxLength={CAPTION_MAX_CHARS}
        value={current?.caption ?? ''}
      />
      <label for={`${prefix}-credit`}>Credit (empty: the library's)</label>
      <input id={`${prefix}-credit`} name="featuredCredit" maxLength={CREDIT_MAX_CHARS} value={current?.credit ?? ''} />
      <fieldset class="focus-grid">
        <legend>Focal point: what a cropped thumbnail keeps in view</legend>
        {FOCUS_POINTS.map((focus) => (
          <label key={focus}>
            <input type="radio" name="featuredFocus" value={focus} checked={(current?.focus ?? 'center') === focus} />{' '}
            {FOCUS_LABELS[focus]}
          </label>
        ))}
      </fieldset>
    </>
  );
}
