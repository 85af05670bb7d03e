import { type InlineMark, type RichText, richText, safeHref } from './inlineText.js';

/**
 * The few marks a writer can type in the plain (no-script) editor form:
 * `**bold**`, `*italic*`, `[words](https://…)` and bare http(s) addresses.
 * A backslash keeps one of `\ * [ ]` literal. Formatting a rich text and
 * parsing it back gives the same text and marks, so saving the plain form
 * never loses what the rich editor or a wire parser set.
 */

const ESCAPABLE = new Set(['\\', '*', '[', ']']);
const LINK = /\[((?:\\.|[^\]\\])+)\]\(([^()\s]+)\)/y;
const BARE_URL = /https?:\/\/[^\s<>()[\]"]+/y;
/** Punctuation that ends a sentence rather than the address it follows. */
const TRAILING = /[.,;:!?'’]+$/;

interface Opener {
  readonly delim: '*' | '**';
  readonly at: number;
}

export function parseInlineMarkup(src: string): RichText {
  let out = '';
  let marks: InlineMark[] = [];
  const open: Opener[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    const next = src[i + 1];
    if (c === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      out += next;
      i += 2;
      continue;
    }
    if (c === '[') {
      LINK.lastIndex = i;
      const found = LINK.exec(src);
      const href = found ? safeHref(found[2] as string) : null;
      if (found && href !== null) {
        const inner = parseInlineMarkup(found[1] as string);
        const base = out.length;
        out += inner.text;
        for (const mark of inner.marks ?? []) {
          if (mark.kind !== 'link') marks.push({ ...mark, start: mark.start + base, end: mark.end + base });
        }
        if (inner.text !== '') marks.push({ kind: 'link', start: base, end: out.length, href });
        i += found[0].length;
        continue;
      }
    }
    if (c === 'h' && !/[\p{L}\p{N}]/u.test(src[i - 1] ?? '')) {
      BARE_URL.lastIndex = i;
      const found = BARE_URL.exec(src);
      if (found) {
        const url = (found[0] as string).replace(TRAILING, '');
        const href = safeHref(url);
        if (href !== null && url.length > 'https://'.length) {
          marks.push({ kind: 'link', start: out.length, end: out.length + url.length, href });
          out += url;
          i += url.length;
          continue;
        }
      }
    }
    if (c === '*') {
      const delim: '*' | '**' = next === '*' ? '**' : '*';
      const before = src[i - 1];
      const after = src[i + delim.length];
      const openerAt = findLastIndex(open, (opener) => opener.delim === delim);
      const opener = open[openerAt];
      if (opener !== undefined && before !== undefined && !/\s/.test(before) && out.length > opener.at) {
        open.splice(openerAt, 1);
        marks.push({ kind: delim === '**' ? 'bold' : 'italic', start: opener.at, end: out.length });
        i += delim.length;
        continue;
      }
      if (after !== undefined && !/\s/.test(after)) {
        open.push({ delim, at: out.length });
        i += delim.length;
        continue;
      }
      out += delim;
      i += delim.length;
      continue;
    }
    out += c;
    i += 1;
  }
  // A delimiter never closed was a literal star: put it back and move what follows.
  for (const opener of open.reverse()) {
    const width = opener.delim.length;
    out = out.slice(0, opener.at) + opener.delim + out.slice(opener.at);
    marks = marks.map((mark) => ({
      ...mark,
      start: mark.start >= opener.at ? mark.start + width : mark.start,
      end: mark.end > opener.at ? mark.end + width : mark.end,
    }));
  }
  marks.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
  return richText(out, marks);
}

/** The rich text as the plain form shows it; parsing the result gives it back. */
export function formatInlineMarkup(rich: RichText): string {
  const { text } = rich;
  const marks = rich.marks ?? [];
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  const at = (map: Map<number, string[]>, position: number) => {
    let list = map.get(position);
    if (list === undefined) {
      list = [];
      map.set(position, list);
    }
    return list;
  };
  const bare = new Set<InlineMark>();
  for (const mark of marks) {
    if (mark.kind === 'link') {
      if (isBareLink(text, mark, marks)) {
        bare.add(mark);
        continue;
      }
      at(opens, mark.start).unshift('[');
      at(closes, mark.end).push(`](${mark.href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`);
    } else {
      const delim = mark.kind === 'bold' ? '**' : '*';
      at(opens, mark.start).push(delim);
      at(closes, mark.end).unshift(delim);
    }
  }
  let out = '';
  for (let i = 0; i <= text.length; i += 1) {
    out += (closes.get(i) ?? []).join('');
    out += (opens.get(i) ?? []).join('');
    if (i === text.length) break;
    const c = text[i] as string;
    const insideBare = [...bare].some((mark) => i >= mark.start && i < mark.end);
    out += ESCAPABLE.has(c) && !insideBare ? `\\${c}` : c;
  }
  return out;
}

/** A link whose words are its own address, standing alone, reads back as a bare address. */
function isBareLink(text: string, link: InlineMark & { kind: 'link' }, marks: readonly InlineMark[]): boolean {
  const words = text.slice(link.start, link.end);
  if (words !== link.href || TRAILING.test(words)) return false;
  BARE_URL.lastIndex = 0;
  const whole = new RegExp(`^${BARE_URL.source}$`);
  if (!whole.test(words)) return false;
  if (/[\p{L}\p{N}]/u.test(text[link.start - 1] ?? '')) return false;
  const after = text[link.end];
  if (after !== undefined && !/\s/.test(after)) return false;
  return !marks.some((mark) => mark !== link && mark.start < link.end && mark.end > link.start);
}

function findLastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i -= 1) if (test(list[i] as T)) return i;
  return -1;
}
