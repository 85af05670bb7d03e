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
const marker = (n: number): string => `<\u0000${n}\u0000>`;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL is chosen because no page's text holds one.
const MARKERS = /<\u0000(\d+)\u0000>/;

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
  // Text, fragment number, text, … (split keeps the captured number).
  const split = html.split(MARKERS);
  const parts: BodyPart[] = [];
  const placed = new Set<number>();
  for (let i = 0; i < split.length; i++) {
    const text = split[i] ?? '';
    if (i % 2 === 0) {
      if (text !== '') parts.push(text);
      continue;
    }
    const n = Number(text);
    const fragment = fragments[n];
    if (fragment === undefined || placed.has(n)) return wholePage(page);
    placed.add(n);
    parts.push(fragment);
  }
  // Every fragment drawn is in the text once; should that not hold, the page is rendered whole, never stitched wrong.
  return placed.size === fragments.length ? { parts } : wholePage(page);
}

function wholePage<P>(page: VNode<P>): PiecedBody {
  return { parts: [renderDocument(page)] };
}
