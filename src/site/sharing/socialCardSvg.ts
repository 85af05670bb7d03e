import { headlineLines } from './headlineLines.js';
import { CARD_HEIGHT, CARD_WIDTH } from './shareImage.js';

/** What a generated card shows. */
export interface CardText {
  readonly headline: string;
  readonly sectionName: string;
  readonly siteName: string;
}

// The paper's design tokens (src/site/styles/tokens.css): brand red on tinted paper, ink headline.
const BRAND = '#7a1020';
const INK = '#1a1a1a';
const PAPER = '#f4f1ea';
const RULE = '#d6d2c8';
const HEADLINE_FACE = "'DejaVu Serif', Georgia, 'Times New Roman', serif";
/**
 * A right-to-left headline (Urdu, Arabic) is set in Noto Naskh Arabic, which has every Urdu letter (DejaVu lacks
 * ہ U+06C1 and ے U+06D2): one face for the whole line, because a font change inside a word breaks the joined
 * letterforms. Debian: fonts-noto-core.
 */
export const RIGHT_TO_LEFT_HEADLINE_FACE = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', serif";
const LABEL_FACE = "'DejaVu Sans', 'Noto Naskh Arabic', Arial, sans-serif";

const MARGIN = 80;
const HEADLINE_TOP = 190;
const HEADLINE_BOTTOM = 500;
// Largest size first: a short headline is drawn big, a long one smaller, the longest cut with an ellipsis.
const HEADLINE_SIZES = [76, 64, 54, 46] as const;

// Arabic-script letters (Urdu among them), Hebrew and Syriac: a headline opening with one reads right to left.
const RIGHT_TO_LEFT = /^[^\p{L}]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

/** The card as SVG: the section label, the headline wrapped to fit, the masthead's wordmark. */
export function socialCardSvg(text: CardText): string {
  const { size, lines } = fitHeadline(text.headline);
  const lineHeight = Math.round(size * 1.18);
  const rightToLeft = RIGHT_TO_LEFT.test(text.headline);
  const x = rightToLeft ? CARD_WIDTH - MARGIN : MARGIN;
  const anchor = rightToLeft ? 'end' : 'start';
  const headline = lines
    .map(
      (line, index) =>
        `<text x="${x}" y="${HEADLINE_TOP + size + index * lineHeight}" text-anchor="${anchor}">${escapeXml(line)}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${PAPER}"/>`,
    `<rect width="${CARD_WIDTH}" height="16" fill="${BRAND}"/>`,
    `<text x="${MARGIN}" y="130" font-family="${LABEL_FACE}" font-size="30" font-weight="700" letter-spacing="3" fill="${BRAND}">${escapeXml(text.sectionName.toUpperCase())}</text>`,
    `<rect x="${MARGIN}" y="150" width="72" height="6" fill="${BRAND}"/>`,
    `<g font-family="${rightToLeft ? RIGHT_TO_LEFT_HEADLINE_FACE : HEADLINE_FACE}" font-size="${size}" font-weight="700" fill="${INK}">${headline}</g>`,
    `<rect x="${MARGIN}" y="530" width="${CARD_WIDTH - 2 * MARGIN}" height="2" fill="${RULE}"/>`,
    `<rect x="${MARGIN}" y="548" width="48" height="48" rx="6" fill="${BRAND}"/>`,
    `<text x="${MARGIN + 24}" y="586" text-anchor="middle" font-family="${HEADLINE_FACE}" font-size="34" font-weight="700" fill="#ffffff">${escapeXml(text.siteName.slice(0, 1))}</text>`,
    `<text x="${MARGIN + 64}" y="584" font-family="${HEADLINE_FACE}" font-size="34" font-weight="700" fill="${BRAND}">${escapeXml(text.siteName)}</text>`,
    '</svg>',
  ].join('');
}

function fitHeadline(headline: string): { readonly size: number; readonly lines: readonly string[] } {
  const maxWidthPx = CARD_WIDTH - 2 * MARGIN;
  let fitted: { size: number; lines: readonly string[] } = { size: HEADLINE_SIZES[0], lines: [] };
  for (const size of HEADLINE_SIZES) {
    const maxLines = Math.floor((HEADLINE_BOTTOM - HEADLINE_TOP) / (size * 1.18));
    const wrapped = headlineLines(headline, { maxWidthEm: maxWidthPx / size, maxLines });
    fitted = { size, lines: wrapped.lines };
    if (!wrapped.truncated) break;
  }
  return fitted;
}

/** Text for an XML text node or attribute: the five predefined entities, and no characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  let escaped = '';
  for (const char of text) {
    if (!isXmlChar(char.codePointAt(0) ?? 0)) continue;
    escaped += XML_ENTITIES[char] ?? char;
  }
  return escaped;
}

/** XML 1.0 §2.2 Char: tab, newline, carriage return and the rest of Unicode but surrogates and U+FFFE/FFFF. */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    codePoint >= 0x10000
  );
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};
