import { diffArrays, diffLines, diffWords } from 'diff';
import { allBylines, type Block, type Byline } from './article.js';
import type { ArticleFields } from './revision.js';

/** A run of text that both revisions share, or that only the newer (added) or older (removed) one has. */
export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

export type DiffField =
  | 'headline'
  | 'summary'
  | 'sectionSlug'
  | 'byline'
  | 'dateline'
  | 'body'
  | 'tags'
  | 'printPage'
  | 'seoTitle'
  | 'seoDescription';

/** How one field changed between two revisions. */
export interface FieldDiff {
  readonly field: DiffField;
  readonly label: string;
  readonly changed: boolean;
  readonly parts: readonly DiffPart[];
}

/**
 * Field-by-field differences from `older` to `newer`: words for short fields,
 * whole blocks (one per line) for the body, whole tags for the tag list.
 */
export function diffArticleFields(older: ArticleFields, newer: ArticleFields): FieldDiff[] {
  return [
    words('headline', 'Headline', older.headline, newer.headline),
    words('summary', 'Standfirst', older.summary, newer.summary),
    words('sectionSlug', 'Section', older.sectionSlug, newer.sectionSlug),
    words(
      'byline',
      'Byline',
      allBylines(older).map(bylineText).join('; '),
      allBylines(newer).map(bylineText).join('; '),
    ),
    words('dateline', 'Dateline', older.dateline ?? '', newer.dateline ?? ''),
    lines('body', 'Body', bodyText(older.body), bodyText(newer.body)),
    items('tags', 'Tags', older.tags, newer.tags),
    words('printPage', 'Print page', String(older.printPage ?? ''), String(newer.printPage ?? '')),
    words('seoTitle', 'SEO title', older.seoTitle ?? '', newer.seoTitle ?? ''),
    words('seoDescription', 'SEO description', older.seoDescription ?? '', newer.seoDescription ?? ''),
  ];
}

/** One line per block, marked by kind, so a moved or retyped block shows as such. */
export function bodyText(body: readonly Block[]): string {
  return body.map((block) => `${blockLine(block)}\n`).join('');
}

function blockLine(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `¶ ${block.text}`;
    case 'subheading':
      return `## ${block.text}`;
    case 'quote':
      return `> ${block.text}${block.attribution !== undefined ? ` — ${block.attribution}` : ''}`;
    case 'image':
      return `[image ${block.mediaId}] ${block.alt}${block.caption !== undefined ? ` — ${block.caption}` : ''}`;
    case 'relatedLink':
      return `→ ${block.headline} (story ${block.articleId})`;
    case 'embed':
      return `[${block.provider}] ${block.url}`;
  }
}

export function bylineText(byline: Byline): string {
  switch (byline.kind) {
    case 'agency':
      return byline.agency;
    case 'staff':
      return byline.name;
  }
}

function words(field: DiffField, label: string, older: string, newer: string): FieldDiff {
  return result(field, label, older === newer, older === newer ? same(newer) : diffWords(older, newer));
}

function lines(field: DiffField, label: string, older: string, newer: string): FieldDiff {
  return result(field, label, older === newer, older === newer ? same(newer) : diffLines(older, newer));
}

function items(field: DiffField, label: string, older: readonly string[], newer: readonly string[]): FieldDiff {
  const changed = older.length !== newer.length || older.some((value, index) => value !== newer[index]);
  const changes = diffArrays([...older], [...newer]).map((change) => ({ ...change, value: change.value.join(', ') }));
  return result(field, label, !changed, changes);
}

function same(text: string): { value: string; added: boolean; removed: boolean }[] {
  return text === '' ? [] : [{ value: text, added: false, removed: false }];
}

function result(
  field: DiffField,
  label: string,
  unchanged: boolean,
  changes: readonly { readonly value: string; readonly added: boolean; readonly removed: boolean }[],
): FieldDiff {
  return {
    field,
    label,
    changed: !unchanged,
    parts: changes
      .filter((change) => change.value !== '')
      .map((change) => ({
        kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
        text: change.value,
      })),
  };
}
