import type { Block } from '../../news/article.js';
import { mapBody } from './bodyBlocks.js';
import type { WireDateline, WireImage } from './wireItem.js';
import { parseWireTime } from './wireTime.js';
import { attr, child, childElements, collapse, descendant, path, textOf } from './xmlQuery.js';
import type { XmlElement, XmlNode } from './xmlTree.js';

/** What an NITF document's body says, wherever the NITF came from (standalone, NewsML-G2 inlineXML, NewsML 1.2 DataContent). */
export interface NitfBody {
  readonly headline: string | null;
  readonly bylines: string[];
  readonly dateline: WireDateline | null;
  readonly abstract: string | null;
  readonly blocks: Block[];
  readonly images: WireImage[];
}

/** Text of an element with some child elements left out. */
function textWithout(node: XmlElement, skip: readonly string[]): string {
  const keep = (nodes: readonly XmlNode[]): string =>
    nodes.map((n) => (typeof n === 'string' ? n : skip.includes(n.local) ? ' ' : keep(n.children))).join('');
  return collapse(keep(node.children));
}

/** A byline as a name: `By Meredith Jameson, <byttl>Staff Reporter</byttl>` → `Meredith Jameson`; the title alone when no name. */
export function bylineName(byline: XmlElement): string | null {
  const name = textWithout(byline, ['byttl'])
    .replace(/^by\s+/i, '')
    .replace(/[\s,;:–—-]+$/, '')
    .trim();
  if (name !== '') return name;
  const title = textOf(child(byline, 'byttl'));
  return title === '' ? null : title;
}

/** The place a dateline names: its `location` (city first), else the text before the first comma. */
export function datelinePlace(text: string): string | null {
  const match = /^\s*([^,(–—]+?)\s*(?:[,(–—]|\s-\s|$)/.exec(text);
  const place = match?.[1]?.trim() ?? '';
  return place === '' || place.length > 60 ? null : place;
}

function dateline(node: XmlElement | null, warnings: string[]): WireDateline | null {
  if (node === null) return null;
  const text = textOf(node);
  const location = child(node, 'location');
  const city = textOf(descendant(location, 'city'));
  const place = city !== '' ? city : location !== null ? textOf(location) : datelinePlace(text);
  const date = child(node, 'story.date');
  const at = parseWireTime(attr(date, 'norm'), warnings, 'NITF story.date', { basicIsNative: true });
  if (text === '' && place === null) return null;
  return { place: place === '' ? null : place, at, text: text === '' ? (place ?? '') : text };
}

export function readNitfBody(nitf: XmlElement, warnings: string[]): NitfBody {
  const body = child(nitf, 'body') ?? (nitf.local === 'body' ? nitf : null);
  const head = child(body, 'body.head');
  const hl1 = path(head, 'hedline', 'hl1');
  const content = child(body, 'body.content') ?? descendant(nitf, 'body.content');
  const mapped = content === null ? { blocks: [], images: [], warnings: [] } : mapBody(content.children);
  warnings.push(...mapped.warnings);
  const bylines = childElements(head, 'byline')
    .map(bylineName)
    .filter((name): name is string => name !== null);
  const abstract = textOf(child(head, 'abstract'));
  return {
    headline: hl1 === null ? null : textOf(hl1),
    bylines,
    dateline: dateline(child(head, 'dateline'), warnings),
    abstract: abstract === '' ? null : abstract,
    blocks: mapped.blocks,
    images: mapped.images,
  };
}
