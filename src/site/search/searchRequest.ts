import { canonicalTag } from '../../news/tag.js';
import { karachiDayRange } from '../../shared/pakistanTime.js';

/** The request read, or the sentence saying which filter cannot be right. */
export type SearchRequestReading =
  | { readonly ok: true; readonly value: SearchRequest }
  | { readonly ok: false; readonly error: string };

export type SearchSortChoice = 'relevance' | 'newest';

/** A reader's search as the `/search` form sends it; every field but `text` already checked. */
export interface SearchRequest {
  /** What was typed, as typed (any length or character; the search reads what it can). */
  readonly text: string;
  readonly sectionSlug?: string;
  readonly tagSlug?: string;
  readonly byline?: string;
  /** YYYY-MM-DD, Karachi days, both included. */
  readonly fromDate?: string;
  readonly toDate?: string;
  readonly sort: SearchSortChoice;
  readonly page: number;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_PAGE = 500;
const MAX_FILTER_LENGTH = 100;

/**
 * Reads the query string. The search text is never refused: whatever a reader
 * types gets a results page. A filter that cannot be right (a date that is not
 * a date, an unknown sort) is refused with a sentence saying which; an empty
 * field is a filter not set, as forms send them.
 */
export function readSearchRequest(query: Readonly<Record<string, unknown>>): SearchRequestReading {
  const field = (name: string): string | undefined => {
    const raw = query[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value !== 'string') return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const sort = field('sort') ?? 'relevance';
  if (sort !== 'relevance' && sort !== 'newest') return refuse('sort must be relevance or newest');
  const pageText = field('page') ?? '1';
  const page = /^\d{1,6}$/.test(pageText) ? Number(pageText) : Number.NaN;
  if (!(page >= 1 && page <= MAX_PAGE)) return refuse(`page must be a whole number from 1 to ${MAX_PAGE}`);
  const sectionSlug = field('section');
  if (sectionSlug !== undefined && !SLUG.test(sectionSlug)) return refuse('section is not a section of this site');
  const fromDate = field('from');
  const toDate = field('to');
  for (const [name, date] of [
    ['from', fromDate],
    ['to', toDate],
  ] as const) {
    if (date !== undefined && !isDate(date)) return refuse(`${name} must be a date such as 2023-01-31`);
  }
  const tagText = field('tag');
  let tagSlug: string | undefined;
  if (tagText !== undefined) {
    if (tagText.length > MAX_FILTER_LENGTH) return refuse(`tag must be at most ${MAX_FILTER_LENGTH} characters`);
    try {
      tagSlug = canonicalTag(tagText).slug;
    } catch {
      return refuse('tag must contain a letter or digit');
    }
  }
  const byline = field('byline');
  if (byline !== undefined && byline.length > MAX_FILTER_LENGTH) {
    return refuse(`author or agency must be at most ${MAX_FILTER_LENGTH} characters`);
  }
  const textValue = query.q;
  const text = typeof textValue === 'string' ? textValue : Array.isArray(textValue) ? String(textValue[0] ?? '') : '';
  return {
    ok: true,
    value: {
      text,
      sort,
      page,
      ...(sectionSlug !== undefined ? { sectionSlug } : {}),
      ...(tagSlug !== undefined ? { tagSlug } : {}),
      ...(byline !== undefined ? { byline } : {}),
      ...(fromDate !== undefined ? { fromDate } : {}),
      ...(toDate !== undefined ? { toDate } : {}),
    },
  };
}

/** The instants a date filter covers: from the start of the first day to the end of the last. */
export function publishedRange(request: SearchRequest): { from?: Date; until?: Date } {
  return {
    ...(request.fromDate !== undefined ? { from: new Date(karachiDayRange(request.fromDate).startMs) } : {}),
    ...(request.toDate !== undefined ? { until: new Date(karachiDayRange(request.toDate).endMs) } : {}),
  };
}

/** The address of the same search at another page (or with another sort), filters kept. */
export function searchUrl(request: SearchRequest, change: Partial<Pick<SearchRequest, 'page' | 'sort'>> = {}): string {
  const next = { ...request, ...change };
  const params = new URLSearchParams();
  params.set('q', next.text);
  if (next.sectionSlug !== undefined) params.set('section', next.sectionSlug);
  if (next.tagSlug !== undefined) params.set('tag', next.tagSlug);
  if (next.byline !== undefined) params.set('byline', next.byline);
  if (next.fromDate !== undefined) params.set('from', next.fromDate);
  if (next.toDate !== undefined) params.set('to', next.toDate);
  if (next.sort !== 'relevance') params.set('sort', next.sort);
  if (next.page > 1) params.set('page', String(next.page));
  return `/search?${params.toString()}`;
}

function isDate(text: string): boolean {
  try {
    karachiDayRange(text);
    return true;
  } catch {
    return false;
  }
}

function refuse(reason: string): SearchRequestReading {
  return { ok: false, error: reason };
}
