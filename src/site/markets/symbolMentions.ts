/** A run of paragraph text: plain, or a listed symbol to link to its stock page. */
export type TextSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'symbol'; readonly text: string; readonly symbol: string };

// A symbol is a whole word: not touching a letter, digit or the symbol characters `.`-`-` on either side
// (so `KEL` is not found in `KEL-JAN` or `SKEL`), though a sentence's closing full stop may follow it.
const TOKEN = /[A-Z0-9][A-Z0-9.-]*[A-Z0-9]|[A-Z0-9]/g;

/**
 * Splits text so the first mention of each listed symbol becomes a link
 * segment; `alreadyLinked` carries symbols linked earlier in the article, and
 * is added to. Only upper-case whole words count: `Hub` or `hubc` are words,
 * not symbols. Single letters never count.
 */
export function linkSymbolMentions(
  text: string,
  listed: ReadonlySet<string>,
  alreadyLinked: Set<string>,
): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const start = match.index;
    const end = start + token.length;
    if (token.length < 2 || !listed.has(token) || alreadyLinked.has(token)) continue;
    if (isWordCharacter(text[start - 1]) || isWordCharacter(text[end])) continue;
    if (start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, start) });
    segments.push({ kind: 'symbol', text: token, symbol: token });
    alreadyLinked.add(token);
    cursor = end;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
  return segments;
}

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}_]/u.test(char);
}

/** Each text split as `linkSymbolMentions` splits it, a symbol linked only at its first mention across them all. */
export function linkFirstMentions(texts: readonly string[], listed: ReadonlySet<string>): TextSegment[][] {
  const linked = new Set<string>();
  return texts.map((text) => linkSymbolMentions(text, listed, linked));
}
