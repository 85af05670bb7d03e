/**
 * Styled text inside a block: the plain text every reader of the body uses
 * (search, feeds, snippets, the revision diff) plus marks laid over it by
 * offset. Keeping the text plain means a consumer that ignores marks still
 * reads the right words, and a mark can never smuggle markup into a page.
 */

/** A run of the text, by UTF-16 offsets `[start, end)`, shown bold, italic or as a link. */
export type InlineMark =
  | { readonly kind: 'bold' | 'italic'; readonly start: number; readonly end: number }
  | { readonly kind: 'link'; readonly start: number; readonly end: number; readonly href: string };

export type InlineMarkKind = InlineMark['kind'];

/** Text with its marks; `marks` is absent (not empty) when there are none, so old bodies compare equal. */
export interface RichText {
  readonly text: string;
  readonly marks?: readonly InlineMark[];
}

/** A stretch of text with every mark that covers it, as a renderer walks it. */
export interface InlineRun {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  /** The link this run belongs to; links never nest, so there is at most one. */
  readonly href: string | null;
}

const MAX_HREF = 2_000;
export const MAX_MARKS = 500;

/**
 * Where a link may point: http(s) anywhere, or a path on this site. Anything
 * else (javascript:, data:, protocol-relative `//host`) is refused, so a
 * stored link is safe to render as it stands.
 */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (href === '' || href.length > MAX_HREF) return null;
  if (/\s/.test(href) || [...href].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f')) return null;
  if (href.startsWith('/')) return href.startsWith('//') || href.startsWith('/\\') ? null : href;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/**
 * Marks as sent by an editor or a parser, checked against their text: each
 * inside the text, non-empty, of a known kind, links with a safe target and
 * not overlapping another link. Returns the marks in a stable order, or what
 * is wrong.
 */
export function checkMarks(text: string, raw: unknown): readonly InlineMark[] | string {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return 'Inline marks must be a list.';
  if (raw.length > MAX_MARKS) return `At most ${MAX_MARKS} inline marks in a block.`;
  const marks: InlineMark[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) return 'An inline mark must be an object.';
    const { kind, start, end, href } = item as Record<string, unknown>;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return 'An inline mark needs whole-number offsets.';
    const from = start as number;
    const to = end as number;
    if (from < 0 || to > text.length || from >= to) return 'An inline mark must cover some of its block’s text.';
    if (kind === 'bold' || kind === 'italic') marks.push({ kind, start: from, end: to });
    else if (kind === 'link') {
      const safe = typeof href === 'string' ? safeHref(href) : null;
      if (safe === null) return 'A link must go to an http(s) address or a page of this site.';
      marks.push({ kind, start: from, end: to, href: safe });
    } else return `Unknown inline mark "${String(kind)}": bold, italic or link.`;
  }
  marks.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
  const links = marks.filter((mark) => mark.kind === 'link');
  for (let i = 1; i < links.length; i += 1) {
    if ((links[i] as InlineMark).start < (links[i - 1] as InlineMark).end) return 'Links must not overlap.';
  }
  return marks;
}

/** A rich text with its marks dropped when it has none, as blocks store it. */
export function richText(text: string, marks: readonly InlineMark[]): RichText {
  return marks.length === 0 ? { text } : { text, marks };
}

/** The text cut at every mark boundary, each run knowing what covers it. */
export function inlineRuns(rich: RichText): InlineRun[] {
  const { text } = rich;
  const marks = rich.marks ?? [];
  if (marks.length === 0) return text === '' ? [] : [{ text, bold: false, italic: false, href: null }];
  const cuts = new Set<number>([0, text.length]);
  for (const mark of marks) {
    cuts.add(mark.start);
    cuts.add(mark.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: InlineRun[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    if (to <= from) continue;
    const covering = marks.filter((mark) => mark.start <= from && mark.end >= to);
    const link = covering.find((mark) => mark.kind === 'link');
    runs.push({
      text: text.slice(from, to),
      bold: covering.some((mark) => mark.kind === 'bold'),
      italic: covering.some((mark) => mark.kind === 'italic'),
      href: link?.kind === 'link' ? link.href : null,
    });
  }
  return runs;
}
