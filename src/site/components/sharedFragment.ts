import { hash } from 'node:crypto';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { type DeflatedRun, deflateRun } from '../../http/gzipPieces.js';
import type { BodyPart, PiecedBody, SharedPart } from '../../http/piecedBody.js';
import { renderDocument } from './renderDocument.js';

// Compressed once for every page that shows it, so worth the full level.
const SHARED_LEVEL = 6;

/**
 * HTML that many pages show alike (the ticker, the masthead, the markets box), drawn once; its bytes, validator
 * and compressed run are made the first time a page needs them and shared by every page after.
 */
export class SharedFragment implements SharedPart {
  private encoded: Buffer | undefined;
  private digest: string | undefined;
  private deflated: DeflatedRun | undefined;

  constructor(readonly text: string) {}

  get bytes(): Buffer {
    this.encoded ??= Buffer.from(this.text, 'utf8');
    return this.encoded;
  }

  get id(): string {
    this.digest ??= hash('sha1', this.bytes, 'base64url');
    return this.digest;
  }

  run(): DeflatedRun {
    this.deflated ??= deflateRun(this.bytes, SHARED_LEVEL);
    return this.deflated;
  }
}

/**
 * Stands in a page's text for the fragment numbered N while the page is rendered in pieces: components are called
 * in no particular order (a parent's props before its children's render), so each marker names its fragment. Text
 * and attribute values reach the HTML with `<` escaped, and the only raw HTML on a page is our own (fragments,
 * JSON-LD with `<` escaped), none holding a NUL: nothing else on a page reads like this.
 */
const MARKER_START = '<\u0000';
const MARKER_END = '\u0000>';
const marker = (n: number): string => `${MARKER_START}${n}${MARKER_END}`;

/** The fragments met so far by the pieced render under way, by number; null outside one. */
let collecting: SharedFragment[] | null = null;

/** Draws a fragment's HTML: once per fragment, outside any pieced render's collecting. */
export function drawFragment<P>(content: VNode<P>): SharedFragment {
  const outer = collecting;
  collecting = null;
  try {
    return new SharedFragment(render(content));
  } finally {
    collecting = outer;
  }
}

/** The fragment's HTML for a component's dangerouslySetInnerHTML: a marker while a page is rendered in pieces. */
export function fragmentHtml(fragment: SharedFragment): string {
  if (collecting === null) return fragment.text;
  collecting.push(fragment);
  return marker(collecting.length - 1);
}

/**
 * A full HTML document as its own text between the fragments it shows, so that a page rendered for one reader
 * encodes and compresses only what is its own. The same text as renderDocument, in parts.
 */
export function renderPieced<P>(page: VNode<P>): PiecedBody {
  const fragments: SharedFragment[] = [];
  const outer = collecting;
  collecting = fragments;
  let html: string;
  try {
    html = renderDocument(page);
  } finally {
    collecting = outer;
  }
  // Text, marker, text, …: found with indexOf, which is several times cheaper than a regular expression over a
  // whole page.
  const parts: BodyPart[] = [];
  const placed = new Set<number>();
  let from = 0;
  for (let at = html.indexOf(MARKER_START); at !== -1; at = html.indexOf(MARKER_START, from)) {
    const end = html.indexOf(MARKER_END, at + MARKER_START.length);
    const digits = end === -1 ? '' : html.slice(at + MARKER_START.length, end);
    const n = Number.parseInt(digits, 10);
    const fragment = String(n) === digits ? fragments[n] : undefined;
    if (fragment === undefined || placed.has(n)) return wholePage(page);
    if (at > from) parts.push(html.slice(from, at));
    placed.add(n);
    parts.push(fragment);
    from = end + MARKER_END.length;
  }
  if (from < html.length) parts.push(html.slice(from));
  // Every fragment drawn is in the text once; should that not hold, the page is rendered whole, never stitched wrong.
  return placed.size === fragments.length ? { parts } : wholePage(page);
}

function wholePage<P>(page: VNode<P>): PiecedBody {
  return { parts: [renderDocument(page)] };
}
