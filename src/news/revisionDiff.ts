import { diffArrays, diffLines, diffWords } from 'diff';
import { allBylines, type Block, type Byline } from './article.js';
import { formatInlineMarkup } from './inlineMarkup.js';
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
  /** For the body: block by block, each block's words compared when it was edited in place. */
  readonly blocks?: readonly BlockDiff[];
}

/**
 * One body block across two revisions: kept as it was, added, removed, or
 * changed in place (a removed block followed by an added one at the same
 * spot, compared word by word). `older`/`newer` number the block in each
 * revision from 1.
 */
export interface BlockDiff {
  readonly kind: 'same' | 'added' | 'removed' | 'changed';
  readonly older: { readonly number: number; readonly text: string } | null;
  readonly newer: { readonly number: number; readonly text: string } | null;
  /** The block's words: for `changed`, removed and added runs; otherwise one run of its kind. */
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
    {
      ...lines('body', 'Body', bodyText(older.body), bodyText(newer.body)),
      blocks: diffBlocks(older.body, newer.body),
    },
    items('tags', 'Tags', older.tags, newer.tags),
    words('printPage', 'Print page', String(older.printPage ?? ''), String(newer.printPage ?? '')),
    words('seoTitle', 'SEO title', older.seoTitle ?? '', newer.seoTitle ?? ''),
    words('seoDescription', 'SEO description', older.seoDescription ?? '', newer.seoDescription ?? ''),
  ];
}

/**
 * The body block by block: blocks are matched whole (so a moved block shows
 * as removed in one place and added in another), then a run of removed blocks
 * directly followed by a run of added ones is paired off as blocks edited in
 * place, compared word by word.
 */
export function diffBlocks(older: readonly Block[], newer: readonly Block[]): BlockDiff[] {
  const changes = diffArrays(older.map(blockLine), newer.map(blockLine));
  const result: BlockDiff[] = [];
  let olderNumber = 0;
  let newerNumber = 0;
  const take = (side: 'older' | 'newer', text: string) => {
    if (side === 'older') olderNumber += 1;
    else newerNumber += 1;
    return { number: side === 'older' ? olderNumber : newerNumber, text };
  };
  for (let index = 0; index < changes.length; index += 1) {
    const change = changes[index];
    if (change === undefined) continue;
    const next = changes[index + 1];
    if (change.removed && next?.added === true) {
      const paired = Math.min(change.value.length, next.value.length);
      for (let n = 0; n < paired; n += 1) {
        const before = take('older', change.value[n] ?? '');
        const after = take('newer', next.value[n] ?? '');
        result.push({ kind: 'changed', older: before, newer: after, parts: wordParts(before.text, after.text) });
      }
      for (const text of change.value.slice(paired)) result.push(lone('removed', take('older', text)));
      for (const text of next.value.slice(paired)) result.push(lone('added', take('newer', text)));
      index += 1;
      continue;
    }
    for (const text of change.value) {
      if (change.added) result.push(lone('added', take('newer', text)));
      else if (change.removed) result.push(lone('removed', take('older', text)));
      else
        result.push({
          kind: 'same',
          older: take('older', text),
          newer: take('newer', text),
          parts: [{ kind: 'same', text }],
        });
    }
  }
  return result;
}

function lone(kind: 'added' | 'removed', block: { readonly number: number; readonly text: string }): BlockDiff {
  return {
    kind,
    older: kind === 'removed' ? block : null,
    newer: kind === 'added' ? block : null,
    parts: [{ kind, text: block.text }],
  };
}

function wordParts(older: string, newer: string): DiffPart[] {
  return diffWords(older, newer)
    .filter((change) => change.value !== '')
    .map((change) => ({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value }));
}

/** One line per block, marked by kind, so a moved or retyped block shows as such. */
export function bodyText(body: readonly Block[]): string {
  return body.map((block) => `${blockLine(block)}\n`).join('');
}

function blockLine(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `¶ ${formatInlineMarkup(block)}`;
    case 'subheading':
      return `## ${formatInlineMarkup(block)}`;
    case 'quote':
      return `> ${formatInlineMarkup(block)}${block.attribution !== undefined ? ` — ${block.attribution}` : ''}`;
    case 'image':
      return `[image ${block.mediaId}] ${block.alt}${block.caption !== undefined ? ` — ${block.caption}` : ''}`;
    case 'relatedLink':
      return `→ ${block.headline} (story ${block.articleId})`;
    case 'embed':
      return `[${block.provider}] ${block.url}`;
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${formatInlineMarkup(item)}`).join(' ');
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
