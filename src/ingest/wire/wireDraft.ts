import type { Block } from '../../news/article.js';
import type { WireDateline, WireFormat, WireImage, WireItem, WireSubject } from './wireItem.js';

/** What a format parser found, before defaults and checks make it a WireItem. */
export interface WireDraft {
  readonly agency: string | null;
  readonly agencyId: string | null;
  readonly version: number | null;
  readonly format: WireFormat;
  readonly status?: WireItem['status'];
  readonly headline: string | null;
  readonly slugline?: string | null;
  readonly bylines?: readonly string[];
  readonly dateline?: WireDateline | null;
  readonly firstCreated?: Date | null;
  readonly versionCreated?: Date | null;
  readonly subjects?: readonly WireSubject[];
  readonly keywords?: readonly string[];
  readonly language?: string | null;
  readonly urgency?: number | null;
  readonly summary?: string | null;
  readonly body?: readonly Block[];
  readonly images?: readonly WireImage[];
  readonly warnings: readonly string[];
}

/** Shown for an item whose agency sent no headline (some picture and metadata-only items). */
export const NO_HEADLINE = '(no headline)';
const MAX_HEADLINE = 500;

function clean(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? null : collapsed;
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const text = clean(value);
    if (text === null || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    out.push(text);
  }
  return out;
}

function uniqueSubjects(subjects: readonly WireSubject[]): WireSubject[] {
  const seen = new Set<string>();
  return subjects.filter((subject) => {
    const key = `${subject.scheme ?? ''}|${subject.code ?? ''}|${subject.code === null ? (subject.name ?? '') : ''}`;
    if (subject.code === null && subject.name === null) return false;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** 1–9 as WireItem keeps it; out-of-range values are dropped with a warning. */
export function urgencyFrom(
  raw: string | number | null | undefined,
  warnings: string[],
  label = 'Urgency',
): number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (Number.isInteger(value) && value >= 1 && value <= 9) return value;
  warnings.push(`${label} "${String(raw)}" is not between 1 and 9; left empty.`);
  return null;
}

/** A version number as agencies write it (`11`, ` 2 `); 1 when absent or unreadable. */
export function versionFrom(raw: string | number | null | undefined, warnings: string[]): number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (Number.isSafeInteger(value) && value >= 0) return value;
  warnings.push(`Version "${String(raw)}" is not a whole number; 1 assumed.`);
  return null;
}

/** Applies defaults and tidies text; the one place a WireItem is made. */
export function finishItem(draft: WireDraft): WireItem {
  const warnings = [...draft.warnings];
  let headline = clean(draft.headline);
  if (headline === null) {
    warnings.push('The item has no headline.');
    headline = NO_HEADLINE;
  } else if (headline.length > MAX_HEADLINE) {
    warnings.push(`The headline was cut to ${MAX_HEADLINE} characters.`);
    headline = `${headline.slice(0, MAX_HEADLINE - 1)}…`;
  }
  const agencyId = clean(draft.agencyId);
  if (agencyId === null) warnings.push('The item carries no id of its own; it cannot be matched with later versions.');
  return {
    agency: clean(draft.agency) ?? 'unknown',
    agencyId: agencyId ?? '',
    version: draft.version ?? 1,
    format: draft.format,
    status: draft.status ?? 'usable',
    headline,
    slugline: clean(draft.slugline),
    bylines: unique(draft.bylines ?? []),
    dateline: draft.dateline ?? null,
    firstCreated: draft.firstCreated ?? null,
    versionCreated: draft.versionCreated ?? null,
    subjects: uniqueSubjects(draft.subjects ?? []),
    keywords: unique(draft.keywords ?? []),
    language: clean(draft.language),
    urgency: draft.urgency ?? null,
    summary: clean(draft.summary),
    body: draft.body ?? [],
    images: (draft.images ?? []).map((image) => ({
      ...image,
      caption: clean(image.caption),
      credit: clean(image.credit),
      altText: clean(image.altText),
    })),
    warnings: [...new Set(warnings)],
  };
}
