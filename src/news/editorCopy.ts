import type { BlockInput } from './articleFieldRules.js';

/**
 * The story form as someone was typing it, kept so no copy is lost: the
 * plain fields by name and the body blocks, exactly as the editor holds
 * them. Nothing in it is checked by the article rules until it is saved as a
 * revision, and it is only ever shown back to the person who typed it.
 */
export interface EditorCopy {
  /** The revision the copy was typed over (0 for a story not yet saved). */
  readonly baseRevision: number;
  readonly fields: Readonly<Record<string, string>>;
  readonly body: readonly BlockInput[];
}

/** The form fields a copy may hold: the story form's own, nothing else. */
export const COPY_FIELDS = [
  'headline',
  'summary',
  'sectionSlug',
  'byline',
  'dateline',
  'tags',
  'printPage',
  'seoTitle',
  'seoDescription',
  'slug',
  'note',
] as const;

const MAX_FIELD = 10_000;
const MAX_BLOCKS = 500;
/** Bound on the whole copy as JSON, so a copy costs the store no more than a saved story could. */
export const MAX_COPY_JSON = 1_500_000;

/** A copy as a browser sent it, checked for shape and size; the article rules check the content on a real save. */
export function readEditorCopy(raw: unknown): EditorCopy | string {
  if (typeof raw !== 'object' || raw === null) return 'An autosaved copy must be an object.';
  const { baseRevision, fields, body } = raw as Record<string, unknown>;
  if (typeof baseRevision !== 'number' || !Number.isSafeInteger(baseRevision) || baseRevision < 0) {
    return 'An autosaved copy needs the revision it was typed over.';
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return 'Copy fields must be an object.';
  const kept: Record<string, string> = {};
  for (const name of COPY_FIELDS) {
    const value = (fields as Record<string, unknown>)[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length > MAX_FIELD) return `Copy field ${name} must be text.`;
    kept[name] = value;
  }
  if (!Array.isArray(body) || body.length > MAX_BLOCKS)
    return `Copy body must be a list of at most ${MAX_BLOCKS} blocks.`;
  for (const block of body as unknown[]) {
    if (typeof block !== 'object' || block === null || typeof (block as { type?: unknown }).type !== 'string') {
      return 'Every copy block needs a type.';
    }
  }
  return { baseRevision, fields: kept, body: body as BlockInput[] };
}
