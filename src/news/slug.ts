/** Longest slug we emit; long headlines are cut at a word boundary so URLs stay readable. */
export const SLUG_MAX_LENGTH = 80;

/** Used when a title has nothing that survives ASCII folding (e.g. a headline in Urdu script). */
const FALLBACK_SLUG = 'article';

// Quotes and apostrophes vanish instead of splitting a word: "Pakistan’s" → "pakistans", not "pakistan-s".
const QUOTE_MARKS = /['’‘‛`´"“”„‟]/g;
const COMBINING_MARKS = /\p{M}/gu;
const NON_SLUG_RUNS = /[^a-z0-9]+/g;

/**
 * Slug for a URL: lower-case ASCII words joined by hyphens, at most
 * SLUG_MAX_LENGTH characters, possibly empty. Tags use this directly because
 * an empty tag slug must be rejected rather than replaced.
 */
export function slugOrEmpty(text: string, maxLength: number = SLUG_MAX_LENGTH): string {
  const folded = text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(QUOTE_MARKS, '')
    .replace(NON_SLUG_RUNS, '-')
    .replace(/^-+|-+$/g, '');
  return cutAtWordBoundary(folded, maxLength);
}

/** Slug for a URL that is never empty; falls back to "article". */
export function slugify(text: string): string {
  const slug = slugOrEmpty(text);
  return slug === '' ? FALLBACK_SLUG : slug;
}

function cutAtWordBoundary(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  // The character after the cut tells whether the cut fell between words.
  if (slug.charAt(maxLength) === '-') return cut.replace(/-+$/, '');
  const lastHyphen = cut.lastIndexOf('-');
  // One giant word: a hard cut is the only way to respect the limit.
  if (lastHyphen <= 0) return cut;
  return cut.slice(0, lastHyphen).replace(/-+$/, '');
}
