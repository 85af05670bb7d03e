import { mediaUrl } from '../../http/siteUrls.js';
import type { StoryPicture } from '../../news/featuredImage.js';
import { RENDITION_FORMATS, type RenditionFormat, renditionExtension, renditionHeight } from '../../news/media.js';

/**
 * How a story's picture is drawn: `lead` at its own proportions across the
 * article or the front page's lead, `thumb` cropped to 3:2 beside a
 * headline. Each gives the browser every rendition (`srcset`) and the width
 * it will be drawn at (`sizes`), so a phone loads a 320 or 640 px file.
 */
export type PictureUse = 'lead' | 'front-lead' | 'thumb';

const SIZES: Readonly<Record<PictureUse, string>> = {
  // The article column (`--measure`, 42rem) or the whole narrow screen.
  lead: '(min-width: 44rem) 42rem, 100vw',
  // Two thirds of the front page's 72rem, or the whole narrow screen.
  'front-lead': '(min-width: 64rem) 46rem, 100vw',
  // Thumbnails are 7rem wide on phones, 10rem from tablets up.
  thumb: '(min-width: 40rem) 10rem, 7rem',
};

/** The JPEG width old browsers load when they ignore srcset. */
const FALLBACK_WIDTH: Readonly<Record<PictureUse, number>> = { lead: 640, 'front-lead': 1024, thumb: 320 };

/** A thumbnail's box: 3:2, as the CSS draws it, so width and height reserve its place before it loads. */
const THUMB_BOX = { width: 300, height: 200 } as const;

export function StoryPictureView(props: {
  readonly picture: StoryPicture;
  readonly use: PictureUse;
  /** The picture readers see first on the page: fetched at once, never lazily. */
  readonly eager?: boolean;
  /** Alt text; thumbnails beside their headline are decorative (empty alt), so the headline is not read twice. */
  readonly alt?: string;
}) {
  const { asset } = props.picture;
  const largest = asset.widths[asset.widths.length - 1] ?? asset.width;
  const fallback = asset.widths.find((width) => width >= FALLBACK_WIDTH[props.use]) ?? largest;
  const srcset = (format: RenditionFormat) =>
    asset.widths.map((width) => `${mediaUrl(asset.id, width, renditionExtension(format))} ${width}w`).join(', ');
  const sizes = SIZES[props.use];
  const box = props.use === 'thumb' ? THUMB_BOX : { width: largest, height: renditionHeight(asset, largest) };
  return (
    <picture>
      {RENDITION_FORMATS.filter((format) => format !== 'jpeg').map((format) => (
        <source key={format} type={`image/${format}`} srcset={srcset(format)} sizes={sizes} />
      ))}
      <img
        class={`story-picture story-picture--${props.use} focus-${props.picture.focus}`}
        src={mediaUrl(asset.id, fallback, 'jpg')}
        srcset={srcset('jpeg')}
        sizes={sizes}
        width={box.width}
        height={box.height}
        alt={props.alt ?? props.picture.alt}
        {...(props.eager === true
          ? { loading: 'eager' as const, fetchpriority: 'high' as const }
          : { loading: 'lazy' as const })}
        decoding="async"
      />
    </picture>
  );
}

/** The words under a lead picture: its caption, then its credit. */
export function PictureCaption(props: { readonly picture: StoryPicture }) {
  const { caption, credit } = props.picture;
  if (caption === null && credit === null) return null;
  return (
    <figcaption>
      {caption}
      {caption !== null && credit !== null ? ' ' : null}
      {credit !== null ? <span class="picture-credit">{credit}</span> : null}
    </figcaption>
  );
}
