import type { Agency, Block, Byline } from './article.js';
import type { ArticleFields } from './revision.js';
import { canonicalTag } from './tag.js';

/** Block kinds the editor offers today; the union in article.ts is the full list. */
export type EditableBlockType = 'paragraph' | 'subheading' | 'quote';
export const EDITABLE_BLOCK_TYPES: readonly EditableBlockType[] = ['paragraph', 'subheading', 'quote'];

/** One body block as an editor form or API call sends it, before the rules. */
export interface BlockInput {
  readonly type: string;
  readonly text: string;
  readonly attribution?: string;
}

/** What the editor form and the JSON API send, unchecked. */
export interface ArticleInput {
  readonly headline: string;
  readonly summary: string;
  readonly sectionSlug: string;
  /** "AFP", "Reuters" or "APP" for agency copy; anything else is a staff name. */
  readonly byline: string;
  readonly dateline: string;
  readonly body: readonly BlockInput[];
  readonly tags: readonly string[];
  /** Empty for web only. */
  readonly printPage: string;
  readonly seoTitle: string;
  readonly seoDescription: string;
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type FieldsValidation =
  | { readonly ok: true; readonly value: ArticleFields }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export const LIMITS = {
  headline: 200,
  summary: 500,
  byline: 100,
  dateline: 60,
  blockText: 10_000,
  blocks: 200,
  tags: 20,
  tagName: 60,
  printPage: 99,
  // Search engines cut titles near 60 characters and descriptions near 160.
  seoTitle: 70,
  seoDescription: 160,
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
  const errors: FieldError[] = [];
  const text = (field: string, value: string, max: number, required: boolean): string => {
    const trimmed = value.trim();
    if (required && trimmed === '') errors.push({ field, message: 'This is required.' });
    else if (trimmed.length > max) errors.push({ field, message: `At most ${max} characters (now ${trimmed.length}).` });
    return trimmed;
  };

  const headline = text('headline', input.headline, LIMITS.headline, true);
  const summary = text('summary', input.summary, LIMITS.summary, true);
  const sectionSlug = text('sectionSlug', input.sectionSlug, 100, true);
  const bylineText = text('byline', input.byline, LIMITS.byline, true);
  const dateline = text('dateline', input.dateline, LIMITS.dateline, false);
  const seoTitle = text('seoTitle', input.seoTitle, LIMITS.seoTitle, false);
  const seoDescription = text('seoDescription', input.seoDescription, LIMITS.seoDescription, false);
  const body = blocksOf(input.body, errors);
  const tags = tagsOf(input.tags, errors);
  const printPage = printPageOf(input.printPage, errors);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      headline,
      summary,
      sectionSlug,
      byline: bylineOf(bylineText),
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
export function publishProblems(fields: ArticleFields): FieldError[] {
  return fields.body.some((block) => block.type === 'paragraph')
    ? []
    : [{ field: 'body', message: 'A story needs at least one paragraph before it is published.' }];
}

export function bylineOf(text: string): Byline {
  const agency = AGENCIES.find((name) => name === text);
  return agency !== undefined ? { kind: 'agency', agency } : { kind: 'staff', name: text };
}

function blocksOf(inputs: readonly BlockInput[], errors: FieldError[]): Block[] {
  if (inputs.length > LIMITS.blocks) {
    errors.push({ field: 'body', message: `At most ${LIMITS.blocks} blocks.` });
    return [];
  }
  const blocks: Block[] = [];
  inputs.forEach((input, index) => {
    const field = `body.${index}`;
    const text = input.text.trim();
    const attribution = input.attribution?.trim() ?? '';
    if (text === '' && attribution === '') return;
    if (text.length > LIMITS.blockText) {
      errors.push({ field, message: `A block holds at most ${LIMITS.blockText} characters.` });
      return;
    }
    if (text === '') {
      errors.push({ field, message: 'A quote needs its words, not only who said them.' });
      return;
    }
    const type = EDITABLE_BLOCK_TYPES.find((kind) => kind === input.type);
    switch (type) {
      case 'paragraph':
      case 'subheading':
        blocks.push({ type, text });
        return;
      case 'quote':
        blocks.push(attribution === '' ? { type, text } : { type, text, attribution });
        return;
      case undefined:
        errors.push({ field, message: `Unknown block type "${input.type}".` });
        return;
    }
  });
  return blocks;
}

function tagsOf(names: readonly string[], errors: FieldError[]): string[] {
  const cleaned = names.map((name) => name.replace(/\s+/g, ' ').trim()).filter((name) => name !== '');
  if (cleaned.length > LIMITS.tags) errors.push({ field: 'tags', message: `At most ${LIMITS.tags} tags.` });
  for (const name of cleaned) {
    if (name.length > LIMITS.tagName) {
      errors.push({ field: 'tags', message: `Tag "${name.slice(0, 20)}…" is longer than ${LIMITS.tagName} characters.` });
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

function printPageOf(text: string, errors: FieldError[]): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const page = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isInteger(page) || page < 1 || page > LIMITS.printPage) {
    errors.push({ field: 'printPage', message: `A page number from 1 to ${LIMITS.printPage}, or empty for web only.` });
    return null;
  }
  return page;
}
