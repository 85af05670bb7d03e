/**
 * Breaks a headline into lines that fit a width, for the social card. SVG
 * text does not wrap by itself, and the card is drawn without a browser, so
 * widths are estimated from the bold faces the card uses (DejaVu Serif Bold,
 * and Noto Naskh Arabic Bold for Urdu, measured per character class in ems). The estimates lean wide: a line that
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

const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;

/** Estimated advance of a string, in ems of the card's headline face. */
export function widthEm(text: string): number {
  let width = 0;
  for (const char of text) width += charWidthEm(char);
  return width;
}

function charWidthEm(char: string): number {
  if (char === ' ') return 0.38;
  // Marks (Arabic vowel signs, combining accents) sit on their letter and take no room of their own.
  if (/\p{M}/u.test(char)) return 0;
  // Arabic-script letters in Noto Naskh Arabic Bold average about 0.46 em joined; 0.55 leans wide.
  if (ARABIC_SCRIPT.test(char)) return 0.55;
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
