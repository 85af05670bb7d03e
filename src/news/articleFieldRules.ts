import type { FieldProblem } from '../shared/outcome.js';
import { type Agency, allBylines, type Block, type Byline } from './article.js';
import { parseInlineMarkup } from './inlineMarkup.js';
import { checkMarks, type RichText, richText } from './inlineText.js';
import { ALT_MAX_CHARS, CAPTION_MAX_CHARS, CREDIT_MAX_CHARS } from './media.js';
import { embedProviderOf } from './mediaEmbed.js';
import { PRINT_MAX_PAGE } from './printEdition.js';
import type { ArticleFields } from './revision.js';
import { SLUG_MAX_LENGTH, slugOrEmpty } from './slug.js';
import { canonicalTag } from './tag.js';

/** Block kinds the editor's type select offers: every kind, each with its own fields. */
export type EditableBlockType = Block['type'];
export const EDITABLE_BLOCK_TYPES: readonly EditableBlockType[] = [
  'paragraph',
  'subheading',
  'quote',
  'list',
  'image',
  'relatedLink',
  'embed',
];

/** Whether a block input is of a kind the editor offers. */
export function isEditableBlockType(type: string): type is EditableBlockType {
  return (EDITABLE_BLOCK_TYPES as readonly string[]).includes(type);
}

/** One body block as an editor form or API call sends it, before the rules: `type` plus that kind's fields. */
export interface BlockInput {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** What the editor form and the JSON API send, unchecked. */
export interface ArticleInput {
  readonly headline: string;
  readonly summary: string;
  readonly sectionSlug: string;
  /**
   * One byline or several separated by ";" or ",": "AFP", "Reuters" or "APP"
   * (in any case) for agency copy; anything else is a staff name.
   */
  readonly byline: string;
  readonly dateline: string;
  readonly body: readonly BlockInput[];
  readonly tags: readonly string[];
  /** Empty for web only. */
  readonly printPage: string;
  readonly seoTitle: string;
  readonly seoDescription: string;
  /**
   * The story's address word part, typed on purpose; absent or empty lets
   * src/news/slug.ts `articleSlug` decide (the headline's, or the one
   * readers already know once the story is published).
   */
  readonly slug?: string;
}

export type FieldsValidation =
  | { readonly ok: true; readonly value: ArticleFields }
  | { readonly ok: false; readonly errors: readonly FieldProblem[] };

export const LIMITS = {
  headline: 200,
  summary: 500,
  byline: 100,
  bylines: 6,
  dateline: 60,
  blockText: 10_000,
  blocks: 200,
  listItems: 100,
  tags: 20,
  tagName: 60,
  printPage: PRINT_MAX_PAGE,
  // Search engines cut titles near 60 characters and descriptions near 160.
  seoTitle: 70,
  seoDescription: 160,
  slug: SLUG_MAX_LENGTH,
} as const;

const AGENCIES: readonly Agency[] = ['AFP', 'Reuters', 'APP'];

/** Splits "Oil, KSE-100 ,, Budget" into tag names, dropping empty entries. */
export function splitTagList(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Checks an edit and turns it into article fields; every problem is reported at once. Empty blocks are dropped. */
export function validateArticleInput(input: ArticleInput): FieldsValidation {
  const errors: FieldProblem[] = [];
  const text = (field: string, value: string, max: number, required: boolean): string => {
    const trimmed = value.trim();
    if (required && trimmed === '') errors.push({ field, message: 'This is required.' });
    else if (trimmed.length > max)
      errors.push({ field, message: `At most ${max} characters (now ${trimmed.length}).` });
    return trimmed;
  };

  const headline = text('headline', input.headline, LIMITS.headline, true);
  const summary = text('summary', input.summary, LIMITS.summary, true);
  const sectionSlug = text('sectionSlug', input.sectionSlug, 100, true);
  const bylines = bylinesOf(input.byline, errors);
  const dateline = text('dateline', input.dateline, LIMITS.dateline, false);
  const seoTitle = text('seoTitle', input.seoTitle, LIMITS.seoTitle, false);
  const seoDescription = text('seoDescription', input.seoDescription, LIMITS.seoDescription, false);
  const body = blocksOf(input.body, errors);
  const tags = tagsOf(input.tags, errors);
  const printPage = printPageOf(input.printPage, errors);
  checkTypedSlug(input.slug ?? '', errors);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      headline,
      summary,
      sectionSlug,
      byline: bylines[0] as Byline,
      ...(bylines.length > 1 ? { moreBylines: bylines.slice(1) } : {}),
      dateline: dateline === '' ? null : dateline,
      body,
      tags,
      printPage,
      seoTitle: seoTitle === '' ? null : seoTitle,
      seoDescription: seoDescription === '' ? null : seoDescription,
    },
  };
}

/** What a story needs before readers may see it, beyond what any save needs. */
export function publishProblems(fields: ArticleFields): FieldProblem[] {
  return fields.body.some((block) => block.type === 'paragraph')
    ? []
    : [{ field: 'body', message: 'A story needs at least one paragraph before it is published.' }];
}

/** An agency named in any case ("afp", "REUTERS") is that agency, never a staff byline. */
export function bylineOf(text: string): Byline {
  const wanted = text.trim().toLowerCase();
  const agency = AGENCIES.find((name) => name.toLowerCase() === wanted);
  return agency !== undefined ? { kind: 'agency', agency } : { kind: 'staff', name: text.trim() };
}

/** Splits "Amna Khan; afp" into bylines, each checked; the same byline twice is kept once. */
function bylinesOf(text: string, errors: FieldProblem[]): Byline[] {
  const names = text
    .split(/[;,]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) {
    errors.push({ field: 'byline', message: 'This is required.' });
    return [];
  }
  if (names.length > LIMITS.bylines) {
    errors.push({ field: 'byline', message: `At most ${LIMITS.bylines} bylines.` });
    return [];
  }
  const long = names.find((name) => name.length > LIMITS.byline);
  if (long !== undefined) {
    errors.push({ field: 'byline', message: `At most ${LIMITS.byline} characters a byline (now ${long.length}).` });
    return [];
  }
  const seen = new Set<string>();
  return names.map(bylineOf).filter((byline) => {
    const key = `${byline.kind}:${(byline.kind === 'agency' ? byline.agency : byline.name).toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Bylines as the editor's one field shows them: "Amna Khan; AFP". */
export function bylinesText(fields: { readonly byline: Byline; readonly moreBylines?: readonly Byline[] }): string {
  return allBylines(fields)
    .map((byline) => (byline.kind === 'agency' ? byline.agency : byline.name))
    .join('; ');
}

/**
 * A stored body as block inputs, every kind kept: a save or a restore must
 * never drop an image, related link or embed the form cannot edit as text.
 */
export function blockInputsOf(body: readonly Block[]): BlockInput[] {
  return body.map((block): BlockInput => ({ ...block }));
}

function blocksOf(inputs: readonly BlockInput[], errors: FieldProblem[]): Block[] {
  if (inputs.length > LIMITS.blocks) {
    errors.push({ field: 'body', message: `At most ${LIMITS.blocks} blocks.` });
    return [];
  }
  const blocks: Block[] = [];
  inputs.forEach((input, index) => {
    const checked = blockOf(input);
    if (checked === 'empty') return;
    if (typeof checked === 'string') errors.push({ field: `body.${index}`, message: checked });
    else blocks.push(checked);
  });
  return blocks;
}

/**
 * One block checked: the block, 'empty' for a block left blank (dropped, as the
 * editor's "Add a block" may leave one), or what is wrong.
 */
function blockOf(input: BlockInput): Block | 'empty' | string {
  const str = (name: string) => (typeof input[name] === 'string' ? (input[name] as string).trim() : '');
  const type = input.type as Block['type'];
  switch (type) {
    case 'paragraph':
    case 'subheading':
    case 'quote': {
      const rich = richTextOf(input.markup, input.text, input.marks);
      if (typeof rich === 'string') return rich;
      const attribution = str('attribution');
      if (rich.text === '' && attribution === '') return 'empty';
      if (rich.text.length > LIMITS.blockText) return `A block holds at most ${LIMITS.blockText} characters.`;
      if (rich.text === '') return 'A quote needs its words, not only who said them.';
      if (type !== 'quote') return { type, ...rich };
      return attribution === '' ? { type, ...rich } : { type, ...rich, attribution };
    }
    case 'list': {
      const items = listItemsOf(input);
      if (typeof items === 'string') return items;
      if (items.length === 0) return 'empty';
      return { type, ordered: input.ordered === true || input.ordered === 'true' || input.ordered === 'on', items };
    }
    case 'image': {
      const mediaId = input.mediaId;
      const alt = str('alt');
      if (isBlank(mediaId) && alt === '' && str('caption') === '' && str('credit') === '') return 'empty';
      if (typeof mediaId !== 'number' || !Number.isSafeInteger(mediaId) || mediaId < 1)
        return 'An image needs its media id.';
      if (alt === '' || alt.length > ALT_MAX_CHARS)
        return `An image needs alt text of at most ${ALT_MAX_CHARS} characters.`;
      const caption = str('caption');
      const credit = str('credit');
      if (caption.length > CAPTION_MAX_CHARS || credit.length > CREDIT_MAX_CHARS) return 'Caption or credit too long.';
      return {
        type,
        mediaId,
        alt,
        ...(caption !== '' ? { caption } : {}),
        ...(credit !== '' ? { credit } : {}),
      };
    }
    case 'relatedLink': {
      const articleId = input.articleId;
      const headline = str('headline');
      if (isBlank(articleId) && headline === '') return 'empty';
      if (typeof articleId !== 'number' || !Number.isSafeInteger(articleId) || articleId < 1 || headline === '') {
        return 'A related link needs an article id and its headline.';
      }
      return { type, articleId, headline: headline.slice(0, LIMITS.headline) };
    }
    case 'embed': {
      const url = str('url');
      if (url === '') return 'empty';
      const provider = embedProviderOf(url);
      if (provider === null) return 'Embeds are HTTPS links to YouTube, X or Datawrapper only.';
      return { type, provider, url };
    }
    default:
      return `Unknown block type "${String(input.type)}".`;
  }
}

/**
 * A text block's words: typed markup from the plain form (`markup`), or plain
 * `text` with `marks` as the rich editor and the API send them. Leading and
 * trailing space is trimmed with the marks moved to match.
 */
function richTextOf(markup: unknown, text: unknown, marks: unknown): RichText | string {
  if (typeof markup === 'string') return trimRich(parseInlineMarkup(markup));
  const plain = typeof text === 'string' ? text : '';
  const checked = checkMarks(plain, marks);
  if (typeof checked === 'string') return checked;
  return trimRich(richText(plain, checked));
}

function trimRich(rich: RichText): RichText {
  const lead = rich.text.length - rich.text.trimStart().length;
  const text = rich.text.trim();
  const marks = (rich.marks ?? [])
    .map((mark) => ({ ...mark, start: Math.max(0, mark.start - lead), end: Math.min(text.length, mark.end - lead) }))
    .filter((mark) => mark.end > mark.start);
  return richText(text, marks);
}

/** A list's items: one per line of typed markup, or an `items` array of rich texts; blank lines dropped. */
function listItemsOf(input: BlockInput): RichText[] | string {
  const raw: unknown[] =
    typeof input.markup === 'string'
      ? input.markup.split(/\r?\n/).map((line) => ({ markup: line.replace(/^\s*(?:[-*•]|\d{1,3}[.)])\s+/, '') }))
      : Array.isArray(input.items)
        ? input.items
        : [];
  if (raw.length > LIMITS.listItems) return `A list holds at most ${LIMITS.listItems} items.`;
  const items: RichText[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) return 'A list item must be text.';
    const { markup, text, marks } = item as Record<string, unknown>;
    const rich = richTextOf(markup, text, marks);
    if (typeof rich === 'string') return rich;
    if (rich.text.length > LIMITS.blockText) return `A list item holds at most ${LIMITS.blockText} characters.`;
    if (rich.text !== '') items.push(rich);
  }
  return items;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function tagsOf(names: readonly string[], errors: FieldProblem[]): string[] {
  const cleaned = names.map((name) => name.replace(/\s+/g, ' ').trim()).filter((name) => name !== '');
  if (cleaned.length > LIMITS.tags) errors.push({ field: 'tags', message: `At most ${LIMITS.tags} tags.` });
  for (const name of cleaned) {
    if (name.length > LIMITS.tagName) {
      errors.push({
        field: 'tags',
        message: `Tag "${name.slice(0, 20)}…" is longer than ${LIMITS.tagName} characters.`,
      });
      continue;
    }
    try {
      canonicalTag(name);
    } catch {
      errors.push({ field: 'tags', message: `Tag "${name}" has no letters or digits.` });
    }
  }
  // One tag per canonical slug, first spelling kept, as the store will.
  const seen = new Set<string>();
  return cleaned.filter((name) => {
    try {
      const { slug } = canonicalTag(name);
      if (seen.has(slug)) return false;
      seen.add(slug);
      return true;
    } catch {
      return false;
    }
  });
}

function checkTypedSlug(typed: string, errors: FieldProblem[]): void {
  const trimmed = typed.trim();
  if (trimmed === '') return;
  if (trimmed.length > LIMITS.slug) {
    errors.push({ field: 'slug', message: `At most ${LIMITS.slug} characters (now ${trimmed.length}).` });
  } else if (slugOrEmpty(trimmed) === '') {
    errors.push({ field: 'slug', message: 'A slug needs letters or digits (in any script), or leave it empty.' });
  }
}

function printPageOf(text: string, errors: FieldProblem[]): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const page = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isInteger(page) || page < 1 || page > LIMITS.printPage) {
    errors.push({ field: 'printPage', message: `A page number from 1 to ${LIMITS.printPage}, or empty for web only.` });
    return null;
  }
  return page;
}
