import type { Block } from '../../news/article.js';
import { safeHref } from '../../news/inlineText.js';
import { InlineBuffer } from './inlineBuffer.js';
import type { WireImage } from './wireItem.js';
import { attr, collapse, descendant, descendants, textOf } from './xmlQuery.js';
import type { XmlElement, XmlNode } from './xmlTree.js';

/**
 * Maps an agency body (XHTML, NITF body.content, or HTML parsed into the same
 * tree) onto the article block model. Only what the model can say survives:
 * paragraphs, subheadings, quotes, lists, bold/italic, safe links and
 * pictures. Scripts, styles, frames and forms vanish with their text;
 * attributes other than href/src/alt/size are never read, so event handlers
 * cannot come through.
 */
export interface MappedBody {
  readonly blocks: Block[];
  readonly images: WireImage[];
  readonly warnings: string[];
}

type Mode = 'block' | 'inline';

const DROPPED = new Set(
  'script style iframe frame frameset object embed applet param noscript template head title meta link base form input button select option textarea svg math canvas audio video source track map area'.split(
    ' ',
  ),
);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hl1', 'hl2']);
const CONTAINERS = new Set(
  'div section article main body body.content block header footer aside nav center address pre dd dt dl tbody thead tfoot table caption html nitf note fn'.split(
    ' ',
  ),
);
const BOLD = new Set(['b', 'strong']);
const ITALIC = new Set(['i', 'em']);

/** Where a picture is: an http(s) address or a relative reference inside the agency's package. */
export function pictureRef(raw: string | null): string | null {
  if (raw === null || raw === '') return null;
  const safe = safeHref(raw);
  if (safe !== null) return safe;
  const ref = raw.trim();
  const hasControl = [...ref].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f');
  if (hasControl || /[\s\\]/.test(ref) || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return null;
  return ref.length <= 2000 ? ref : null;
}

export function dimension(raw: string | null): number | null {
  if (raw === null || !/^\d{1,6}$/.test(raw)) return null;
  const value = Number(raw);
  return value > 0 ? value : null;
}

class BodyWalker {
  readonly blocks: Block[] = [];
  readonly images: WireImage[] = [];
  readonly warnings: string[] = [];
  private readonly inline = new InlineBuffer();

  flush(kind: 'paragraph' | 'subheading' = 'paragraph'): void {
    const rich = this.inline.take(this.warnings);
    if (rich !== null) this.blocks.push({ type: kind, ...rich });
  }

  walkAll(nodes: readonly XmlNode[], mode: Mode): void {
    for (const node of nodes) this.walk(node, mode);
  }

  walk(node: XmlNode, mode: Mode): void {
    if (typeof node === 'string') {
      this.inline.append(node);
      return;
    }
    const name = node.local.toLowerCase();
    if (DROPPED.has(name)) return;
    if (name === 'img' || name === 'media' || name === 'figure') {
      this.picture(node, name);
      return;
    }
    if (mode === 'inline') {
      this.walkInline(node, name);
      return;
    }
    if (name === 'p') this.block(node, 'paragraph');
    else if (HEADINGS.has(name)) this.block(node, 'subheading');
    else if (name === 'blockquote' || name === 'bq') this.quote(node);
    else if (name === 'ul' || name === 'ol') this.list(node, name === 'ol');
    else if (name === 'br' || name === 'hr') this.flush();
    else if (name === 'tr' || name === 'li' || CONTAINERS.has(name)) {
      this.flush();
      this.walkAll(node.children, 'block');
      this.flush();
    } else this.walkInline(node, name);
  }

  private block(node: XmlElement, kind: 'paragraph' | 'subheading'): void {
    this.flush();
    this.walkAll(node.children, 'inline');
    this.flush(kind);
  }

  private walkInline(node: XmlElement, name: string): void {
    if (name === 'br' || name === 'td' || name === 'th' || name === 'li' || name === 'p' || HEADINGS.has(name)) {
      this.inline.space();
    }
    const start = this.inline.length;
    const generation = this.inline.generation;
    const href = name === 'a' && !this.inline.insideLink ? safeHref(attr(node, 'href') ?? '') : null;
    if (href !== null) this.inline.insideLink = true;
    this.walkAll(node.children, 'inline');
    if (href !== null) this.inline.insideLink = false;
    if (generation !== this.inline.generation) return;
    const end = this.inline.length;
    if (href !== null) this.inline.mark({ kind: 'link', start, end, href });
    else if (BOLD.has(name)) this.inline.mark({ kind: 'bold', start, end });
    else if (ITALIC.has(name)) this.inline.mark({ kind: 'italic', start, end });
    if (CONTAINERS.has(name) || name === 'td' || name === 'th' || name === 'p' || HEADINGS.has(name))
      this.inline.space();
  }

  private quote(node: XmlElement): void {
    this.flush();
    const credits = node.children.filter(
      (child): child is XmlElement =>
        typeof child !== 'string' && ['credit', 'cite', 'footer'].includes(child.local.toLowerCase()),
    );
    this.walkAll(
      node.children.filter((child) => !credits.includes(child as XmlElement)),
      'inline',
    );
    const rich = this.inline.take(this.warnings);
    if (rich === null) return;
    const attribution = collapse(credits.map((credit) => textOf(credit)).join(' ')).replace(/^[-—–\s]+/, '');
    this.blocks.push(attribution === '' ? { type: 'quote', ...rich } : { type: 'quote', ...rich, attribution });
  }

  private list(node: XmlElement, ordered: boolean): void {
    this.flush();
    const items = [];
    for (const item of node.children) {
      if (typeof item === 'string' || item.local.toLowerCase() !== 'li') continue;
      this.walkAll(item.children, 'inline');
      const rich = this.inline.take(this.warnings);
      if (rich !== null) items.push(rich);
    }
    if (items.length > 0) this.blocks.push({ type: 'list', ordered, items });
  }

  private picture(node: XmlElement, name: string): void {
    if (name === 'img') {
      this.addImage(node, null, null);
      return;
    }
    if (name === 'figure') {
      const caption = descendant(node, 'figcaption');
      for (const img of descendants(node, 'img')) this.addImage(img, caption === null ? null : textOf(caption), null);
      return;
    }
    // NITF <media>: only pictures; audio and video carry nothing the article model can hold.
    const type = attr(node, 'media-type');
    if (type !== null && type !== 'image' && type !== 'photo' && type !== 'graphic') return;
    const caption = textOf(descendant(node, 'media-caption'));
    const credit = textOf(descendant(node, 'media-producer'));
    for (const ref of descendants(node, 'media-reference')) {
      this.images.push({
        href: pictureRef(attr(ref, 'source') ?? attr(ref, 'data-location')),
        caption: caption === '' ? null : caption,
        credit: credit === '' ? null : credit,
        altText: attr(ref, 'alternate-text'),
        width: dimension(attr(ref, 'width')),
        height: dimension(attr(ref, 'height')),
      });
      break;
    }
  }

  private addImage(img: XmlElement, caption: string | null, credit: string | null): void {
    const alt = attr(img, 'alt');
    this.images.push({
      href: pictureRef(attr(img, 'src')),
      caption: caption === '' ? null : caption,
      credit,
      altText: alt === null || alt === '' ? null : collapse(alt),
      width: dimension(attr(img, 'width')),
      height: dimension(attr(img, 'height')),
    });
  }
}

/** The blocks and pictures of an agency body given as markup nodes. */
export function mapBody(nodes: readonly XmlNode[]): MappedBody {
  const walker = new BodyWalker();
  walker.walkAll(nodes, 'block');
  walker.flush();
  return { blocks: walker.blocks, images: walker.images, warnings: walker.warnings };
}

/** A plain-text body: blank lines (or, failing those, line breaks) separate paragraphs. */
export function plainTextBlocks(text: string): Block[] {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (normalised === '') return [];
  let chunks = normalised.split(/\n\s*\n/);
  if (chunks.length === 1) chunks = normalised.split('\n');
  return chunks
    .map((chunk) => collapse(chunk))
    .filter((chunk) => chunk !== '')
    .map((chunk) => ({ type: 'paragraph', text: chunk }));
}
