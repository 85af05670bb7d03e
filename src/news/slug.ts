/** Longest slug we emit; long headlines are cut at a word boundary so URLs stay readable. */
export const SLUG_MAX_LENGTH = 80;

/** Used when a title has no letter or digit in any script (e.g. only punctuation). */
const FALLBACK_SLUG = 'article';

// Quotes and apostrophes vanish instead of splitting a word: "Pakistan’s" → "pakistans", not "pakistan-s".
const QUOTE_MARKS = /['’‘‛`´"“”„‟]/g;
// Accents on Latin letters fold away ("Zürich" → "zurich"); marks that are part of
// another script's letters (Urdu "آ", Devanagari vowel signs) stay.
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
// Arabic-script vowel marks (harakat) are optional in Urdu writing; readers type words without them.
const ARABIC_HARAKAT = /[\u064B-\u065F\u0670]/g;
// Joiners and the Arabic tatweel shape letters without being part of the word.
const JOINERS = /\u200C|\u200D|\u0640/g;
const NON_SLUG_RUNS = /[^\p{L}\p{N}\p{M}]+/gu;

/**
 * What a slug may look like: words of letters and digits in any script
 * (an Urdu headline keeps its Urdu words), joined by single hyphens.
 * Outside ASCII a slug is percent-encoded in URLs (siteUrls.ts).
 */
export const SLUG_SHAPE = /^[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*$/u;

/** Whether text is a slug this site could have made (checked before any look-up). */
export function isSlug(text: string): boolean {
  return text.length <= SLUG_MAX_LENGTH && SLUG_SHAPE.test(text);
}

/**
 * Slug for a URL: lower-case words joined by hyphens, Latin letters folded
 * to ASCII and other scripts kept, at most SLUG_MAX_LENGTH characters,
 * possibly empty. Tags use this directly because an empty tag slug must be
 * rejected rather than replaced.
 */
export function slugOrEmpty(text: string, maxLength: number = SLUG_MAX_LENGTH): string {
  const folded = text
    .normalize('NFKD')
    .replace(LATIN_MARKS, '$1')
    .normalize('NFC')
    .replace(ARABIC_HARAKAT, '')
    .replace(JOINERS, '')
    .toLowerCase()
    .replace(QUOTE_MARKS, '')
    .replace(NON_SLUG_RUNS, '-')
    .replace(/^-+|-+$/g, '');
  return cutAtWordBoundary(folded, maxLength);
}

const ALL_MARKS = /\p{M}/gu;
const NON_ASCII_SLUG_RUNS = /[^a-z0-9]+/g;

/**
 * The ASCII-only slug this site made before slugs kept other scripts. Author
 * pages keep it (a name in Urdu has a numbered address, src/news/author.ts),
 * so no author page readers already know moves.
 */
export function asciiSlugOrEmpty(text: string, maxLength: number = SLUG_MAX_LENGTH): string {
  const folded = text
    .normalize('NFKD')
    .replace(ALL_MARKS, '')
    .toLowerCase()
    .replace(QUOTE_MARKS, '')
    .replace(NON_ASCII_SLUG_RUNS, '-')
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

/**
 * An article's slug after a save. One typed on purpose wins (tidied into
 * slug form); otherwise a story readers have seen keeps its address, so
 * editing a published headline does not move the story (old links, shares
 * and search results keep working); a story never published follows its
 * headline. Any earlier slug still answers, with a 301 to this one, because
 * the article's URL is found by its id (site/routes/articleRoutes.ts).
 */
export function articleSlug(choice: {
  readonly typed: string | undefined;
  readonly headline: string;
  readonly current: string | null;
  readonly everPublished: boolean;
}): string {
  const typed = slugOrEmpty(choice.typed ?? '');
  if (typed !== '') return typed;
  if (choice.everPublished && choice.current !== null) return choice.current;
  return slugify(choice.headline);
}

/**
 * What the editor's slug field shows: the slug when it is fixed (chosen on
 * purpose, or the story has been published), or empty while it still
 * follows the headline.
 */
export function slugFieldValue(article: {
  readonly slug: string;
  readonly headline: string;
  readonly everPublished: boolean;
}): string {
  return article.everPublished || article.slug !== slugify(article.headline) ? article.slug : '';
}
