import {
  type ArticleInput,
  type BlockInput,
  blockInputsOf,
  bylinesText,
  type EditableBlockType,
  isEditableBlockType,
  splitTagList,
} from '../../news/articleFieldRules.js';
import { formatInlineMarkup } from '../../news/inlineMarkup.js';
import { checkMarks, richText } from '../../news/inlineText.js';
import type { ArticleFields } from '../../news/revision.js';
import { slugFieldValue } from '../../news/slug.js';

/** The editor form as posted: flat fields, blocks as `block-{n}-{field}` (type, text, mediaId, url, …). */
export type ArticleFormBody = Readonly<Record<string, string>>;

/** What the editor's form shows: every field as text, blocks as a list. */
export interface ArticleFormValues {
  readonly headline: string;
  readonly summary: string;
  readonly sectionSlug: string;
  readonly byline: string;
  readonly dateline: string;
  readonly blocks: readonly BlockInput[];
  readonly tags: string;
  readonly printPage: string;
  readonly seoTitle: string;
  readonly seoDescription: string;
  /** Empty while the slug follows the headline (src/news/slug.ts `slugFieldValue`). */
  readonly slug: string;
  readonly note: string;
}

/** The button pressed: save, or one of the block editor's buttons (which only re-show the form). */
export type FormOp =
  | { readonly kind: 'save' }
  | { readonly kind: 'add'; readonly blockType: EditableBlockType }
  | { readonly kind: 'remove' | 'up' | 'down'; readonly index: number };

const MAX_BLOCKS = 500;

export function readForm(body: ArticleFormBody): ArticleFormValues {
  const field = (name: string) => body[name] ?? '';
  const count = Math.min(MAX_BLOCKS, Math.max(0, Number.parseInt(field('blockCount'), 10) || 0));
  const blocks: BlockInput[] = [];
  for (let index = 0; index < count; index += 1) {
    const kept = body[`block-${index}-json`];
    if (kept !== undefined) {
      blocks.push(keptBlock(kept));
      continue;
    }
    blocks.push(postedBlock(body, index));
  }
  return {
    headline: field('headline'),
    summary: field('summary'),
    sectionSlug: field('sectionSlug'),
    byline: field('byline'),
    dateline: field('dateline'),
    blocks,
    tags: field('tags'),
    printPage: field('printPage'),
    seoTitle: field('seoTitle'),
    seoDescription: field('seoDescription'),
    slug: field('slug'),
    note: field('note'),
  };
}

export function readOp(body: ArticleFormBody): FormOp {
  const op = body.op ?? 'save';
  if (op === 'add') {
    const wanted = body.newBlockType ?? '';
    return { kind: 'add', blockType: isEditableBlockType(wanted) ? wanted : 'paragraph' };
  }
  const match = /^(remove|up|down)-(\d{1,3})$/.exec(op);
  if (match !== null) return { kind: match[1] as 'remove' | 'up' | 'down', index: Number(match[2]) };
  return { kind: 'save' };
}

/** The block list after a block-editor button: works as a plain form post, no script needed. */
export function applyBlockOp(blocks: readonly BlockInput[], op: Exclude<FormOp, { kind: 'save' }>): BlockInput[] {
  const next = [...blocks];
  switch (op.kind) {
    case 'add':
      next.push({ type: op.blockType });
      return next;
    case 'remove':
      next.splice(op.index, 1);
      return next;
    case 'up':
    case 'down': {
      const target = op.kind === 'up' ? op.index - 1 : op.index + 1;
      const moving = next[op.index];
      const other = next[target];
      if (moving === undefined || other === undefined) return next;
      next[target] = moving;
      next[op.index] = other;
      return next;
    }
  }
}

export function inputFromForm(values: ArticleFormValues): ArticleInput {
  return {
    headline: values.headline,
    summary: values.summary,
    sectionSlug: values.sectionSlug,
    byline: values.byline,
    dateline: values.dateline,
    body: values.blocks,
    tags: splitTagList(values.tags),
    printPage: values.printPage,
    seoTitle: values.seoTitle,
    seoDescription: values.seoDescription,
    slug: values.slug,
  };
}

/** The form of a stored story: its fields, and its slug when that is fixed. */
export function formFromArticle(article: {
  readonly fields: ArticleFields;
  readonly slug: string;
  readonly everPublished: boolean;
}): ArticleFormValues {
  const slug = slugFieldValue({
    slug: article.slug,
    headline: article.fields.headline,
    everPublished: article.everPublished,
  });
  return { ...formFromFields(article.fields), slug };
}

export function formFromFields(fields: ArticleFields): ArticleFormValues {
  return {
    headline: fields.headline,
    summary: fields.summary,
    sectionSlug: fields.sectionSlug,
    byline: bylinesText(fields),
    dateline: fields.dateline ?? '',
    blocks: blockInputsOf(fields.body),
    tags: fields.tags.join(', '),
    printPage: fields.printPage === null ? '' : String(fields.printPage),
    seoTitle: fields.seoTitle ?? '',
    seoDescription: fields.seoDescription ?? '',
    slug: '',
    note: '',
  };
}

export function emptyForm(sectionSlug: string, byline: string): ArticleFormValues {
  return {
    headline: '',
    summary: '',
    sectionSlug,
    byline,
    dateline: '',
    blocks: [{ type: 'paragraph', text: '' }],
    tags: '',
    printPage: '',
    seoTitle: '',
    seoDescription: '',
    slug: '',
    note: '',
  };
}

/** Whether the editor shows this block's own fields; a block of no known kind rides along unchanged. */
export function isEditableBlock(block: BlockInput): boolean {
  return isEditableBlockType(block.type);
}

/** A block field as the form shows it: text as typed, ids as digits, nothing for an absent field. */
export function textOf(block: BlockInput, field: BlockFormField | 'headline'): string {
  if (field === 'text') return markupOf(block);
  const value = block[field];
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : '';
}

/**
 * A text block's words as the plain form edits them: the typed markup when
 * the form was posted, else the stored text and marks written as markup
 * (a list one item per line), so a save keeps every mark.
 */
function markupOf(block: BlockInput): string {
  if (typeof block.markup === 'string') return block.markup;
  if (Array.isArray(block.items)) {
    return block.items
      .map((item: unknown) => (typeof item === 'object' && item !== null ? richInput(item as BlockInput) : ''))
      .join('\n');
  }
  return richInput(block);
}

function richInput(input: BlockInput): string {
  const text = typeof input.text === 'string' ? input.text : '';
  const marks = checkMarks(text, input.marks);
  return formatInlineMarkup(typeof marks === 'string' ? { text } : richText(text, marks));
}

/** Every per-block field the form may post; each kind uses its own few. */
const BLOCK_FORM_FIELDS = [
  'text',
  'ordered',
  'attribution',
  'mediaId',
  'alt',
  'caption',
  'credit',
  'articleId',
  'url',
] as const;
export type BlockFormField = (typeof BLOCK_FORM_FIELDS)[number];
/** Fields holding a record id: sent to the rules as numbers, or as typed when they are not digits (the rules refuse them). */
const ID_FIELDS: ReadonlySet<BlockFormField> = new Set(['mediaId', 'articleId']);

/** One block's posted fields, whatever its type: switching the type keeps what was typed until the save. */
function postedBlock(body: ArticleFormBody, index: number): BlockInput {
  const block: Record<string, unknown> = { type: body[`block-${index}-type`] || 'paragraph' };
  for (const name of BLOCK_FORM_FIELDS) {
    const value = body[`block-${index}-${name}`];
    if (value === undefined) continue;
    const trimmed = value.trim();
    // The textarea holds markup (`**bold**`, `[words](url)`), which the rules read into text and marks.
    const key = name === 'text' ? 'markup' : name;
    block[key] = ID_FIELDS.has(name) && /^\d{1,12}$/.test(trimmed) ? Number(trimmed) : value;
  }
  return block as BlockInput;
}

/** A block the form cannot edit, posted back as JSON; the article rules check it like any other. */
function keptBlock(json: string): BlockInput {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { type?: unknown }).type === 'string') {
      return parsed as BlockInput;
    }
  } catch {
    // Falls through to a block the rules refuse with a message.
  }
  return { type: 'unreadable' };
}
