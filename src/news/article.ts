import type { RichText } from './inlineText.js';

/** The largest article id: ids are positive 32-bit integers (the `integer` column of PostgreSQL). */
export const MAX_ARTICLE_ID = 2 ** 31 - 1;

/** Who an article is credited to: a news agency or a member of staff (reference page anatomy, DESIGN.md §4). */
export type Byline =
  | { readonly kind: 'agency'; readonly agency: Agency }
  | { readonly kind: 'staff'; readonly name: string };

/** Every byline of a story, the first one first. */
export function allBylines(story: {
  readonly byline: Byline;
  readonly moreBylines?: readonly Byline[];
}): readonly Byline[] {
  return [story.byline, ...(story.moreBylines ?? [])];
}

/** Agencies whose copy the paper carries. */
export type Agency = 'AFP' | 'Reuters' | 'APP';

/**
 * One block of an article body. A closed union: renderers switch over `type`
 * exhaustively so a new kind cannot be forgotten.
 */
export type Block =
  | ({ readonly type: 'paragraph' } & RichText)
  | ({ readonly type: 'subheading' } & RichText)
  | ({ readonly type: 'quote'; readonly attribution?: string } & RichText)
  /** A bulleted or numbered list; each item is one line of styled text. */
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly RichText[] }
  /** A picture from the media library (src/news/media.ts); `alt` is required, as for every upload. */
  | {
      readonly type: 'image';
      readonly mediaId: number;
      readonly alt: string;
      readonly caption?: string;
      readonly credit?: string;
    }
  /** A link to another story placed by an editor, beside the automatic related links. */
  | { readonly type: 'relatedLink'; readonly articleId: number; readonly headline: string }
  /** Third-party content shown as a plain link card, never a script (allow-list: src/news/mediaEmbed.ts). */
  | { readonly type: 'embed'; readonly provider: 'youtube' | 'x' | 'datawrapper'; readonly url: string };

/** A section of the paper, e.g. World or Business & Finance. `slug` is its URL segment. */
export interface Section {
  readonly slug: string;
  readonly name: string;
  /** Order in the navigation, lowest first. */
  readonly position: number;
}

/** A canonical tag: `slug` is the case- and space-insensitive identity, `name` the display form. */
export interface Tag {
  readonly slug: string;
  readonly name: string;
}

/** What a newsroom writes before the store gives it an id. */
export interface ArticleDraft {
  readonly headline: string;
  /** URL slug derived from the headline; the id is the identity, the slug is cosmetic. */
  readonly slug: string;
  readonly summary: string;
  readonly sectionSlug: string;
  readonly byline: Byline;
  /** Further bylines after the first (two staff writers, or staff and an agency); absent for one. */
  readonly moreBylines?: readonly Byline[];
  /** Place the story was filed from, shown in capitals before the first paragraph (`TOKYO:`). */
  readonly dateline: string | null;
  readonly body: readonly Block[];
  /** Display names; the store canonicalises them into tags. */
  readonly tags: readonly string[];
  /** UTC instant of publication. */
  readonly publishedAt: Date;
  /** Page of the print edition the story ran on, or null when web only. */
  readonly printPage: number | null;
  /** Title for search engines and shares when the headline does not suit; absent uses the headline. */
  readonly seoTitle?: string | null;
  readonly seoDescription?: string | null;
}

/**
 * A note the desk adds to a published story: a correction of a fact, or an
 * update with new information. Readers see it under the headline, with its time.
 */
export interface Correction {
  readonly id: number;
  readonly kind: 'correction' | 'update';
  readonly text: string;
  readonly at: Date;
  /** Set when the desk replaced the text; readers see "amended" with this time. */
  readonly amendedAt?: Date;
  /**
   * Set when the desk withdrew the note. It is not deleted: readers see that
   * a note of that time was withdrawn, when and why, but not its text.
   */
  readonly withdrawn?: { readonly at: Date; readonly note: string };
}

/** A published article as readers see it. */
export interface Article extends Omit<ArticleDraft, 'tags'> {
  readonly id: number;
  readonly section: Section;
  readonly tags: readonly Tag[];
  readonly updatedAt: Date | null;
  /** Oldest first. */
  readonly corrections: readonly Correction[];
}

/** The few fields a list of headlines needs. */
export interface ArticleSummary {
  readonly id: number;
  readonly slug: string;
  readonly headline: string;
  readonly summary: string;
  readonly sectionSlug: string;
  readonly byline: Byline;
  readonly publishedAt: Date;
  readonly printPage: number | null;
}
