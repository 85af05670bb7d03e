import { hash } from 'node:crypto';
import { articleCardUrl, mediaUrl } from '../../http/siteUrls.js';
import type { Article } from '../../news/article.js';
import type { StoryPicture } from '../../news/featuredImage.js';
import type { MediaAsset } from '../../news/media.js';

/** The picture a share or a search result shows for a story, at an absolute URL, with its size. */
export interface ShareImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly type: 'image/jpeg' | 'image/png';
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
// Share previews are drawn about 1200 px wide; a larger rendition only costs the reader's bandwidth.
const SHARE_WIDTH = 1200;

/**
 * The story's featured picture, else its first body picture that the
 * library still holds, or else its generated card.
 */
export function shareImageOf(
  article: Article,
  media: ReadonlyMap<number, MediaAsset>,
  origin: string,
  featured: StoryPicture | null = null,
): ShareImage {
  const candidates = [
    ...(featured === null ? [] : [{ asset: featured.asset, alt: featured.alt }]),
    ...article.body.flatMap((block) => {
      const asset = block.type === 'image' ? media.get(block.mediaId) : undefined;
      return asset === undefined || block.type !== 'image' ? [] : [{ asset, alt: block.alt }];
    }),
  ];
  for (const { asset, alt } of candidates) {
    const width = asset.widths.find((candidate) => candidate >= SHARE_WIDTH) ?? asset.widths[asset.widths.length - 1];
    if (width === undefined) continue;
    return {
      url: new URL(mediaUrl(asset.id, width, 'jpg'), origin).href,
      width,
      height: Math.round((width * asset.height) / asset.width),
      alt,
      type: 'image/jpeg',
    };
  }
  return {
    url: new URL(articleCardUrl(article.id, cardVersion(article)), origin).href,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    alt: article.headline,
    type: 'image/png',
  };
}

/** Names what a card shows; the same story text gives the same version on every node. */
export function cardVersion(article: Pick<Article, 'headline' | 'section'>): string {
  // One-shot hash: no Hash object per page rendered.
  return hash('sha256', JSON.stringify([CARD_DESIGN, article.headline, article.section.name]), 'base64url').slice(
    0,
    12,
  );
}

// Bump when the card's drawing changes, so shared links pick up the new design.
const CARD_DESIGN = 1;
