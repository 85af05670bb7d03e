import type { Agency, Byline } from './article.js';
import { asciiSlugOrEmpty } from './slug.js';

/** Who readers see behind a byline on the author page: the name, what they are, and the page's address. */
export interface Author {
  readonly slug: string;
  readonly name: string;
  readonly role: string;
  readonly byline: Byline;
}

const AGENCY_NAMES: Readonly<Record<Agency, string>> = {
  AFP: 'Agence France-Presse',
  Reuters: 'Reuters',
  APP: 'Associated Press of Pakistan',
};

export function authorOf(byline: Byline): Author {
  switch (byline.kind) {
    case 'agency':
      return {
        slug: byline.agency.toLowerCase(),
        name: AGENCY_NAMES[byline.agency],
        role: 'News agency',
        byline,
      };
    case 'staff':
      return { slug: staffSlug(byline.name), name: byline.name, role: 'Staff reporter', byline };
  }
}

/**
 * The author whose page is at `slug`, among the bylines on the site. An agency
 * wins over a writer whose name folds to the same slug, so agency pages never move.
 */
export function findAuthor(bylines: readonly Byline[], slug: string): Author | null {
  const matching = bylines.map(authorOf).filter((author) => author.slug === slug);
  return matching.find((author) => author.byline.kind === 'agency') ?? matching[0] ?? null;
}

/**
 * A name with nothing that folds to ASCII (one written in Urdu) still needs an
 * address: a stable number derived from the name stands in for the words.
 */
function staffSlug(name: string): string {
  const words = asciiSlugOrEmpty(name, 60);
  if (words !== '') return words;
  let hash = 0x811c9dc5;
  for (const char of name.normalize('NFC')) {
    hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  }
  return `writer-${hash.toString(36)}`;
}
