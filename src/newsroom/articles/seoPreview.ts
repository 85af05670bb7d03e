import { articleSlug } from '../../news/slug.js';
import { pageTitle } from '../../site/components/pageTitle.js';

// Roughly what a search result shows before it cuts a line with "…"
// (engines measure pixels; characters are the editor's usable proxy).
export const SEARCH_TITLE_SHOWN = 60;
export const SEARCH_DESCRIPTION_SHOWN = 160;

/** What the editor's form holds that decides how a story looks in search and when shared. */
export interface SeoPreviewInput {
  readonly headline: string;
  readonly summary: string;
  readonly seoTitle: string;
  readonly seoDescription: string;
  /** The slug field as typed (empty follows the rule of src/news/slug.ts). */
  readonly slug: string;
  /** The stored story, or null for one not saved yet. */
  readonly article: { readonly id: number; readonly slug: string; readonly everPublished: boolean } | null;
  readonly siteName: string;
}

/** How the story would show: as a search result and as a share card. */
export interface SeoPreview {
  readonly searchTitle: string;
  /** The address as search results print it: readable, not percent-encoded. */
  readonly searchPath: string;
  readonly searchDescription: string;
  readonly cardTitle: string;
  readonly cardDescription: string;
}

/**
 * The previews use the rules the reader site uses: the page title with the
 * paper's name once (site/components/pageTitle.ts), the SEO title and
 * description when given, else the headline and standfirst
 * (site/sharing/ArticleShareMeta.tsx), and the slug a save would keep.
 */
export function seoPreviewOf(input: SeoPreviewInput): SeoPreview {
  const title = input.seoTitle.trim() || input.headline.trim() || 'Headline';
  const description = input.seoDescription.trim() || input.summary.trim();
  const slug = articleSlug({
    typed: input.slug,
    headline: input.headline,
    current: input.article?.slug ?? null,
    everPublished: input.article?.everPublished ?? false,
  });
  return {
    searchTitle: cut(pageTitle(title, input.siteName), SEARCH_TITLE_SHOWN),
    searchPath: `/news/${input.article === null ? '…' : input.article.id}/${slug}`,
    searchDescription: cut(description, SEARCH_DESCRIPTION_SHOWN),
    cardTitle: title,
    cardDescription: cut(description, 200),
  };
}

/** A count for a field with a limit: "42 of 70 characters". */
export function counterText(length: number, max: number, shownInSearch?: number): string {
  const base = `${length} of ${max} characters`;
  if (length > max) return `${base}: ${length - max} too many`;
  if (shownInSearch !== undefined && length > shownInSearch)
    return `${base}; search results cut after about ${shownInSearch}`;
  return base;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const cutAt = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cutAt > max / 2 ? cutAt : max - 1).trimEnd()}…`;
}
