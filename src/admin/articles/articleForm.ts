import {
  type ArticleInput,
  type BlockInput,
  blockInputsOf,
  EDITABLE_BLOCK_TYPES,
  splitTagList,
} from '../../news/articleFieldRules.js';
import type { ArticleFields } from '../../news/revision.js';
import { bylineText } from '../../news/revisionDiff.js';

/** The editor form as posted: flat fields, blocks as `block-{n}-type|text|attribution`. */
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
  readonly note: string;
}

/** The button pressed: save, or one of the block editor's buttons (which only re-show the form). */
export type FormOp =
  | { readonly kind: 'save' }
  | { readonly kind: 'add' }
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
    const attribution = body[`block-${index}-attribution`];
    blocks.push({
      type: field(`block-${index}-type`) || 'paragraph',
      text: field(`block-${index}-text`),
      ...(attribution !== undefined ? { attribution } : {}),
    });
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
    note: field('note'),
  };
}

export function readOp(body: ArticleFormBody): FormOp {
  const op = body.op ?? 'save';
  if (op === 'add') return { kind: 'add' };
  const match = /^(remove|up|down)-(\d{1,3})$/.exec(op);
  if (match !== null) return { kind: match[1] as 'remove' | 'up' | 'down', index: Number(match[2]) };
  return { kind: 'save' };
}

/** The block list after a block-editor button: works as a plain form post, no script needed. */
export function applyBlockOp(blocks: readonly BlockInput[], op: Exclude<FormOp, { kind: 'save' }>): BlockInput[] {
  const next = [...blocks];
  switch (op.kind) {
    case 'add':
      next.push({ type: 'paragraph', text: '' });
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
  };
}

export function formFromFields(fields: ArticleFields): ArticleFormValues {
  return {
    headline: fields.headline,
    summary: fields.summary,
    sectionSlug: fields.sectionSlug,
    byline: bylineText(fields.byline),
    dateline: fields.dateline ?? '',
    blocks: blockInputsOf(fields.body),
    tags: fields.tags.join(', '),
    printPage: fields.printPage === null ? '' : String(fields.printPage),
    seoTitle: fields.seoTitle ?? '',
    seoDescription: fields.seoDescription ?? '',
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
    note: '',
  };
}

/** Whether the editor shows this block as type + text fields; other kinds ride along unchanged. */
export function isTextBlock(block: BlockInput): boolean {
  return (EDITABLE_BLOCK_TYPES as readonly string[]).includes(block.type);
}

export function textOf(block: BlockInput, field: 'text' | 'attribution'): string {
  const value = block[field];
  return typeof value === 'string' ? value : '';
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
