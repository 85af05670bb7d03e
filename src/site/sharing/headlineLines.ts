/**
 * Breaks a headline into lines that fit a width, for the social card. SVG
 * text does not wrap by itself, and the card is drawn without a browser, so
 * widths are estimated from the bold serif the card uses (DejaVu Serif Bold,
 * measured per character class in ems). The estimates lean wide: a line that
 * ends short is fine, one that runs off the card is not.
 */
export function headlineLines(
  text: string,
  options: { readonly maxWidthEm: number; readonly maxLines: number },
): {
  readonly lines: readonly string[];
  readonly truncated: boolean;
} {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words.flatMap((word) => splitLongWord(word, options.maxWidthEm))) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && widthEm(candidate) > options.maxWidthEm) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= options.maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, options.maxLines);
  kept[kept.length - 1] = withEllipsis(kept[kept.length - 1] ?? '', options.maxWidthEm);
  return { lines: kept, truncated: true };
}

/** Estimated advance of a string, in ems of the card's headline face. */
export function widthEm(text: string): number {
  let width = 0;
  for (const char of text) width += charWidthEm(char);
  return width;
}

function charWidthEm(char: string): number {
  if (char === ' ') return 0.38;
  if (/[iljtfr.,:;!|'’‘]/.test(char)) return 0.4;
  if (/[mwMW<>=+~^*#%@&]/.test(char)) return 1.0;
  if (/[A-Z]/.test(char)) return 0.82;
  if (/[0-9]/.test(char)) return 0.7;
  return 0.7;
}

/** A word wider than a line (a long symbol list, a URL) is cut into pieces that fit. */
function splitLongWord(word: string, maxWidthEm: number): string[] {
  if (widthEm(word) <= maxWidthEm) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && widthEm(piece + char) > maxWidthEm) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

function withEllipsis(line: string, maxWidthEm: number): string {
  let words = line.split(' ');
  while (words.length > 1 && widthEm(`${words.join(' ')}…`) > maxWidthEm) words = words.slice(0, -1);
  return `${words.join(' ').replace(/[\s,.;:–—-]+$/u, '')}…`;
}
