import type { FieldProblem } from '../shared/outcome.js';
import { CAPTION_MAX_CHARS, CREDIT_MAX_CHARS, type MediaAsset } from './media.js';

/**
 * A story's featured picture: one library picture that leads the article,
 * stands beside its headline in lists and is its share image. The caption
 * and credit may say more than the library's own words for this one use.
 */
export interface FeaturedImage {
  readonly mediaId: number;
  readonly caption: string | null;
  readonly credit: string | null;
  /** What a crop keeps in view when a thumbnail is narrower or shorter than the picture. */
  readonly focus: Focus;
}

/**
 * The nine focal points a desk can choose: the part of the picture a crop
 * keeps. Nine named points rather than free coordinates, so a plain form
 * without script offers them all and the page needs no inline style.
 */
export type Focus =
  | 'center'
  | 'top'
  | 'bottom'
  | 'left'
  | 'right'
  | 'top-left'
  | 'top-right'
  | 'bottom-left'
  | 'bottom-right';

export const FOCUS_POINTS: readonly Focus[] = [
  'top-left',
  'top',
  'top-right',
  'left',
  'center',
  'right',
  'bottom-left',
  'bottom',
  'bottom-right',
];

export const FOCUS_LABELS: Readonly<Record<Focus, string>> = {
  'top-left': 'Top left',
  top: 'Top',
  'top-right': 'Top right',
  left: 'Left',
  center: 'Centre',
  right: 'Right',
  'bottom-left': 'Bottom left',
  bottom: 'Bottom',
  'bottom-right': 'Bottom right',
};

export function isFocus(value: unknown): value is Focus {
  return typeof value === 'string' && (FOCUS_POINTS as readonly string[]).includes(value);
}

/**
 * A story's picture as pages draw it: the library's facts and renditions
 * with the words this story gives it (its own caption and credit first,
 * the library's otherwise).
 */
export interface StoryPicture {
  readonly asset: MediaAsset;
  readonly alt: string;
  readonly caption: string | null;
  readonly credit: string | null;
  readonly focus: Focus;
}

export function storyPicture(featured: FeaturedImage, asset: MediaAsset): StoryPicture {
  return {
    asset,
    alt: asset.alt,
    caption: featured.caption ?? asset.caption,
    credit: featured.credit ?? asset.credit,
    focus: featured.focus,
  };
}

export type FeaturedField = 'featuredMediaId' | 'featuredCaption' | 'featuredCredit' | 'featuredFocus';

/**
 * Reads the featured-picture fields of a form: an empty or `none` picture
 * means the story has none. Whether the picture exists is the store's question.
 */
export function parseFeaturedImage(input: {
  readonly mediaId: unknown;
  readonly caption: unknown;
  readonly credit: unknown;
  readonly focus: unknown;
}): { ok: true; value: FeaturedImage | null } | { ok: false; errors: FieldProblem<FeaturedField>[] } {
  const errors: FieldProblem<FeaturedField>[] = [];
  const idText = typeof input.mediaId === 'string' ? input.mediaId.trim() : '';
  if (idText === '' || idText === 'none') return { ok: true, value: null };
  if (!/^[1-9][0-9]{0,9}$/.test(idText)) {
    errors.push({ field: 'featuredMediaId', message: 'Choose a picture from the library.' });
  }
  const caption = oneLine(input.caption);
  if ([...caption].length > CAPTION_MAX_CHARS) {
    errors.push({ field: 'featuredCaption', message: `A caption can be at most ${CAPTION_MAX_CHARS} characters.` });
  }
  const credit = oneLine(input.credit);
  if ([...credit].length > CREDIT_MAX_CHARS) {
    errors.push({ field: 'featuredCredit', message: `A credit can be at most ${CREDIT_MAX_CHARS} characters.` });
  }
  const focusText = typeof input.focus === 'string' && input.focus !== '' ? input.focus : 'center';
  if (!isFocus(focusText)) errors.push({ field: 'featuredFocus', message: 'Choose one of the nine focal points.' });
  if (errors.length > 0 || !isFocus(focusText)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      mediaId: Number(idText),
      caption: caption === '' ? null : caption,
      credit: credit === '' ? null : credit,
      focus: focusText,
    },
  };
}

function oneLine(value: unknown): string {
  return typeof value === 'string'
    ? value
        .replace(/\p{Cc}/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : '';
}
