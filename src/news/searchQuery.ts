/**
 * What a reader typed into the search box, read as plain words and quoted
 * phrases. There are no operators: `OR`, `-`, `*`, `:` and brackets are text
 * like any other, so no query can be a syntax error in either database. Every
 * word must appear in a story; a quoted phrase must appear as written.
 */
export interface SearchTerms {
  /** Text between double quotes, each containing at least one letter or digit. */
  readonly phrases: readonly string[];
  /** Unquoted runs of non-space characters, each containing at least one letter or digit. */
  readonly words: readonly string[];
}

/** Longest query read; the rest of a longer one is ignored rather than refused. */
export const MAX_SEARCH_QUERY_LENGTH = 1000;
/** Words and phrases looked for at most: every one is required, so more would only find nothing, slowly. */
export const MAX_SEARCH_TERMS = 12;

// Letters (any script), combining marks (Urdu vowel signs) and digits: what both databases index as words.
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/** The reader's text as terms; an empty result means there is nothing to look for. */
export function parseSearchQuery(raw: string): SearchTerms {
  const text = raw.slice(0, MAX_SEARCH_QUERY_LENGTH).normalize('NFC');
  const phrases: string[] = [];
  const words: string[] = [];
  // Odd pieces are inside quotes; an unclosed quote runs to the end, as readers mean it.
  text.split('"').forEach((piece, index) => {
    if (index % 2 === 1) {
      const phrase = piece.trim().replace(/\s+/g, ' ');
      if (WORD_CHARACTER.test(phrase)) phrases.push(phrase);
    } else {
      for (const word of piece.split(/\s+/)) if (WORD_CHARACTER.test(word)) words.push(word);
    }
  });
  const keptPhrases = unique(phrases).slice(0, MAX_SEARCH_TERMS);
  return { phrases: keptPhrases, words: unique(words).slice(0, MAX_SEARCH_TERMS - keptPhrases.length) };
}

export function isEmptySearch(terms: SearchTerms): boolean {
  return terms.phrases.length === 0 && terms.words.length === 0;
}

/** The terms as one line for headings ("IMF “policy rate”"). */
export function searchTermsText(terms: SearchTerms): string {
  return [...terms.phrases.map((phrase) => `“${phrase}”`), ...terms.words].join(' ');
}

function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
