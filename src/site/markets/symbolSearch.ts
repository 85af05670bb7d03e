/** Something a reader can look up by name: a listed stock or an index. */
export interface SearchEntry {
  readonly kind: 'stock' | 'index';
  /** Symbol or index code, upper case. */
  readonly code: string;
  readonly name: string;
}

/** Longest query the search takes; symbols are at most 16 characters, names are matched by their start. */
export const MAX_QUERY_LENGTH = 40;

/** The entry whose code is exactly the query (any case), if any. */
export function exactMatch(entries: readonly SearchEntry[], query: string): SearchEntry | undefined {
  const wanted = query.trim().toUpperCase();
  return entries.find((entry) => entry.code === wanted);
}

/**
 * Entries whose code starts with the query, then those with a word of the
 * name starting with it (`cement` finds D.G. Khan Cement), codes first, each
 * group in alphabetical order. Case-insensitive; an empty query finds nothing.
 */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit: number): SearchEntry[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];
  const byCode: SearchEntry[] = [];
  const byName: SearchEntry[] = [];
  for (const entry of entries) {
    if (entry.code.toLowerCase().startsWith(wanted)) byCode.push(entry);
    else if (nameMatches(entry.name, wanted)) byName.push(entry);
  }
  const alphabetical = (a: SearchEntry, b: SearchEntry) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return [...byCode.sort(alphabetical), ...byName.sort(alphabetical)].slice(0, limit);
}

/**
 * Whether a word of the name (or a run of words) starts with the query:
 * punctuation counts as a space. Letters of every script are letters, so a
 * query of punctuation alone, or in a script no name is written in, matches
 * nothing rather than (as a lone space) every name.
 */
function nameMatches(name: string, wanted: string): boolean {
  const words = (text: string) => text.replace(/[^\p{L}\p{N}&]+/gu, ' ').trim();
  const wantedWords = words(wanted);
  return wantedWords !== '' && ` ${words(name.toLowerCase())}`.includes(` ${wantedWords}`);
}
