import type { Tag } from './article.js';
import { slugOrEmpty } from './slug.js';

/**
 * Canonical form of a tag typed by an editor or carried by wire copy. The slug
 * is the identity: case and spacing do not matter ("RUssia Ukraine war" and
 * " Russia  Ukraine War " are one tag, DESIGN.md "What the newsroom does").
 * The display name keeps the editor's spelling with whitespace tidied.
 * Throws RangeError when nothing usable is left (empty or symbols only).
 */
export function canonicalTag(name: string): Tag {
  const display = name.replace(/\s+/g, ' ').trim();
  const slug = slugOrEmpty(display);
  if (slug === '') {
    throw new RangeError(`Tag name ${JSON.stringify(name)} has no letters or digits.`);
  }
  return { slug, name: display };
}

/** Canonical tags in input order, one per slug; the first spelling seen wins. */
export function canonicalTags(names: readonly string[]): Tag[] {
  const bySlug = new Map<string, Tag>();
  for (const name of names) {
    const tag = canonicalTag(name);
    if (!bySlug.has(tag.slug)) bySlug.set(tag.slug, tag);
  }
  return [...bySlug.values()];
}
