import type { Block } from '../../news/article.js';
import { dimension, mapBody, pictureRef, plainTextBlocks } from './bodyBlocks.js';
import { htmlToText, parseHtmlFragment } from './htmlTree.js';
import { looksLikeMarkup } from './ninjsFields.js';
import { agencyName } from './wireAgency.js';
import { finishItem } from './wireDraft.js';
import type { WireImage, WireItem, WireParseResult } from './wireItem.js';
import { refuseTooManyItems } from './wireRefusal.js';
import { parseWireTime } from './wireTime.js';
import { attr, child, childElements, childText, collapse, textOf } from './xmlQuery.js';
import type { XmlElement } from './xmlTree.js';

/** Raw character data of an element (an escaped HTML body is text, not markup, in the XML). */
const rawText = (node: XmlElement | null): string =>
  node === null ? '' : node.children.map((n) => (typeof n === 'string' ? n : '')).join('');

/** A body sent as HTML (escaped or CDATA), mapped to blocks; plain text when it holds no markup. */
export function htmlBlocks(html: string, warnings: string[]): { blocks: Block[]; images: WireImage[] } {
  if (!looksLikeMarkup(html)) return { blocks: plainTextBlocks(html), images: [] };
  const parsed = parseHtmlFragment(html);
  const mapped = mapBody(parsed.nodes);
  warnings.push(...parsed.warnings, ...mapped.warnings);
  return { blocks: mapped.blocks, images: mapped.images };
}

const plain = (text: string): string => (looksLikeMarkup(text) ? htmlToText(text) : collapse(text));

/** An RSS 2.0 (or RSS 1.0) item; names are matched without their prefixes (dc:, content:, media:). */
/** What a feed says once for all its items, read once (a channel of thousands of items is not searched per item). */
interface FeedFacts {
  readonly publisher: string | null;
  readonly title: string | null;
  readonly language: string | null;
}

function readRssItem(item: XmlElement, feed: FeedFacts, inherited: readonly string[]): WireItem {
  const warnings = [...inherited];
  const encoded = childElements(item, 'encoded')[0] ?? null;
  const description = child(item, 'description');
  const body = htmlBlocks(rawText(encoded ?? description), warnings);
  const images: WireImage[] = [];
  for (const node of [...childElements(item, 'enclosure'), ...childElements(item, 'content')]) {
    const type = attr(node, 'type') ?? '';
    if (!type.startsWith('image/') && attr(node, 'medium') !== 'image') continue;
    const caption = childText(node, 'description') ?? childText(node, 'title');
    images.push({
      href: pictureRef(attr(node, 'url')),
      caption: caption === null ? null : plain(caption),
      credit: childText(node, 'credit'),
      altText: null,
      width: dimension(attr(node, 'width')),
      height: dimension(attr(node, 'height')),
    });
  }
  const bylines = [...childElements(item, 'creator'), ...childElements(item, 'author')].map((node) => {
    const text = textOf(node);
    // RSS 2.0 author is `email (Name)`: keep the name.
    return /^\S+@\S+\s*\((.+)\)$/.exec(text)?.[1] ?? text;
  });
  const published = childText(item, 'pubDate') ?? childText(item, 'date');
  const summary = description === null ? null : plain(rawText(description));
  return finishItem({
    agency: agencyName(childText(item, 'source'), feed.publisher, feed.title),
    agencyId: childText(item, 'guid') ?? attr(item, 'rdf:about') ?? childText(item, 'link'),
    version: null,
    format: 'rss',
    headline: plain(rawText(child(item, 'title'))),
    bylines,
    firstCreated: parseWireTime(published, warnings, 'pubDate'),
    versionCreated: parseWireTime(childText(item, 'modified') ?? published, warnings, 'pubDate'),
    subjects: childElements(item, 'category').map((category) => ({
      scheme: attr(category, 'domain') ?? 'category',
      code: null,
      name: textOf(category),
    })),
    keywords: childElements(item, 'subject').map((subject) => textOf(subject)),
    language: childText(item, 'language') ?? feed.language,
    summary,
    body: body.blocks,
    images: [...images, ...body.images],
    warnings,
  });
}

export function parseRss(root: XmlElement, treeWarnings: readonly string[]): WireParseResult {
  const channel = child(root, 'channel');
  // RSS 2.0 puts items in the channel; RSS 1.0 (RDF) beside it.
  const items = [...childElements(channel, 'item'), ...childElements(root, 'item')];
  if (items.length === 0) return { ok: false, reason: 'Not a news item: the feed has no items.' };
  refuseTooManyItems(items.length);
  const feed: FeedFacts = {
    publisher: childText(channel, 'publisher'),
    title: childText(channel, 'title'),
    language: childText(channel, 'language'),
  };
  return { ok: true, items: items.map((item) => readRssItem(item, feed, treeWarnings)), warnings: [] };
}

/** An Atom text construct (RFC 4287 §3.1) as plain text. */
function atomText(node: XmlElement | null): string | null {
  if (node === null) return null;
  const type = attr(node, 'type') ?? 'text';
  const text = type === 'html' ? htmlToText(rawText(node)) : textOf(node);
  return text === '' ? null : text;
}

function atomBody(node: XmlElement | null, warnings: string[]): { blocks: Block[]; images: WireImage[] } {
  if (node === null || attr(node, 'src') !== null) return { blocks: [], images: [] };
  const type = attr(node, 'type') ?? 'text';
  if (type === 'xhtml') {
    const mapped = mapBody((child(node, 'div') ?? node).children);
    warnings.push(...mapped.warnings);
    return { blocks: mapped.blocks, images: mapped.images };
  }
  if (type === 'html' || type === 'text/html') return htmlBlocks(rawText(node), warnings);
  if (type === 'text' || type === 'text/plain') return { blocks: plainTextBlocks(rawText(node)), images: [] };
  warnings.push(`Atom content of type ${type} is not a story body; left out.`);
  return { blocks: [], images: [] };
}

function readAtomEntry(entry: XmlElement, feed: FeedFacts, inherited: readonly string[]): WireItem {
  const warnings = [...inherited];
  const content = child(entry, 'content');
  const summaryNode = child(entry, 'summary');
  const body = atomBody(content ?? summaryNode, warnings);
  const images: WireImage[] = childElements(entry, 'link')
    .filter((link) => attr(link, 'rel') === 'enclosure' && (attr(link, 'type') ?? '').startsWith('image/'))
    .map((link) => ({
      href: pictureRef(attr(link, 'href')),
      caption: attr(link, 'title'),
      credit: null,
      altText: null,
      width: null,
      height: null,
    }));
  const authors = childElements(entry, 'author').map((author) => childText(author, 'name') ?? '');
  const updated = childText(entry, 'updated');
  return finishItem({
    agency: agencyName(atomText(child(child(entry, 'source'), 'title')), feed.publisher, feed.title),
    agencyId: childText(entry, 'id'),
    version: null,
    format: 'atom',
    headline: atomText(child(entry, 'title')),
    bylines: authors,
    firstCreated: parseWireTime(childText(entry, 'published') ?? updated, warnings, 'published'),
    versionCreated: parseWireTime(updated, warnings, 'updated'),
    subjects: childElements(entry, 'category').map((category) => ({
      scheme: attr(category, 'scheme') ?? 'category',
      code: attr(category, 'term'),
      name: attr(category, 'label') ?? attr(category, 'term'),
    })),
    language: attr(entry, 'xml:lang') ?? feed.language,
    summary: atomText(summaryNode),
    body: body.blocks,
    images: [...images, ...body.images],
    warnings,
  });
}

/** An Atom feed (each entry one item) or a lone Atom entry document. */
export function parseAtom(root: XmlElement, treeWarnings: readonly string[]): WireParseResult {
  const entries = root.local === 'entry' ? [root] : childElements(root, 'entry');
  const feed = root.local === 'feed' ? root : null;
  if (entries.length === 0) return { ok: false, reason: 'Not a news item: the feed has no entries.' };
  refuseTooManyItems(entries.length);
  const facts: FeedFacts = {
    publisher: childText(child(feed, 'author'), 'name'),
    title: atomText(child(feed, 'title')),
    language: attr(feed, 'xml:lang'),
  };
  return { ok: true, items: entries.map((entry) => readAtomEntry(entry, facts, treeWarnings)), warnings: [] };
}
