import type { Block } from '../../news/article.js';
import { dimension, mapBody, pictureRef, plainTextBlocks } from './bodyBlocks.js';
import { assertedNames, byName, conceptName, g2Subjects } from './g2Meta.js';
import { parseHtmlFragment } from './htmlTree.js';
import { datelinePlace, readNitfBody } from './nitfBody.js';
import { agencyName, qcodeCode, uriHost } from './wireAgency.js';
import { finishItem, urgencyFrom, versionFrom } from './wireDraft.js';
import type { WireDateline, WireImage, WireItem, WireParseResult } from './wireItem.js';
import { refuseTooManyItems } from './wireRefusal.js';
import { parseWireTime } from './wireTime.js';
import { attr, child, childElements, childText, descendant, textOf } from './xmlQuery.js';
import type { XmlElement } from './xmlTree.js';

const G2_NAMESPACE = 'http://iptc.org/std/nar/2006-10-01/';

function status(pubStatus: XmlElement | null): WireItem['status'] {
  const code = qcodeCode(attr(pubStatus, 'qcode'))?.toLowerCase() ?? 'usable';
  if (code === 'withheld' || code === 'withdrawn') return 'withdrawn';
  if (code === 'canceled' || code === 'cancelled') return 'canceled';
  return 'usable';
}

interface Content {
  blocks: Block[];
  images: WireImage[];
  nitf: ReturnType<typeof readNitfBody> | null;
  events: boolean;
}

/** contentSet: inline NITF or XHTML, inline text, and pictures by reference (NewsML-G2 spec §10). */
function content(
  contentSet: XmlElement | null,
  warnings: string[],
  caption: string | null,
  credit: string | null,
): Content {
  const out: Content = { blocks: [], images: [], nitf: null, events: false };
  for (const inline of childElements(contentSet, 'inlineXML')) {
    if (out.blocks.length > 0) break;
    const type = attr(inline, 'contenttype') ?? '';
    if (childElements(inline).length === 0 && textOf(inline) === '') continue;
    const nitf = descendant(inline, 'nitf');
    if (nitf !== null) {
      out.nitf = readNitfBody(nitf, warnings);
      out.blocks = out.nitf.blocks;
      out.images.push(...out.nitf.images);
    } else if (childElements(inline, 'events').length > 0 || childElements(inline, 'concepts').length > 0) {
      out.events = true;
    } else if (type === '' || /html/.test(type)) {
      const html = descendant(inline, 'html');
      const root = html === null ? inline : (child(html, 'body') ?? html);
      const mapped = mapBody(root.children);
      warnings.push(...mapped.warnings);
      out.blocks = mapped.blocks;
      out.images.push(...mapped.images);
    } else {
      warnings.push(`The inline content in ${type} is not a story body the newsroom can read; left out.`);
    }
  }
  for (const inline of childElements(contentSet, 'inlineData')) {
    if (out.blocks.length > 0) break;
    const type = attr(inline, 'contenttype') ?? 'text/plain';
    if (/html/.test(type)) out.blocks = mapBody(parseHtmlFragment(textOf(inline)).nodes).blocks;
    else out.blocks = plainTextBlocks(inline.children.filter((node) => typeof node === 'string').join(''));
  }
  const pictures = childElements(contentSet, 'remoteContent').filter((remote) =>
    (attr(remote, 'contenttype') ?? '').startsWith('image/'),
  );
  pictures.sort((a, b) => (dimension(attr(b, 'width')) ?? 0) - (dimension(attr(a, 'width')) ?? 0));
  const best = pictures[0];
  if (best !== undefined) {
    out.images.unshift({
      href: pictureRef(attr(best, 'href')),
      caption,
      credit,
      altText: null,
      width: dimension(attr(best, 'width')),
      height: dimension(attr(best, 'height')),
    });
  }
  return out;
}

function dateline(contentMeta: XmlElement | null, language: string | null): WireDateline | null {
  const written = childText(contentMeta, 'dateline');
  const located = child(contentMeta, 'located');
  // A located with only a qcode (`city:Philadelphia`) still names the place when its code is a word.
  const code = qcodeCode(attr(located, 'qcode'));
  const place =
    located === null
      ? null
      : (conceptName(located, language) ?? (code !== null && /^\p{L}[\p{L} .'-]*$/u.test(code) ? code : null));
  if (written === null && place === null) return null;
  return { place: place ?? datelinePlace(written ?? ''), at: null, text: written ?? place ?? '' };
}

function descriptions(contentMeta: XmlElement | null): { role: string; node: XmlElement; text: string }[] {
  return childElements(contentMeta, 'description')
    .map((node) => ({ role: qcodeCode(attr(node, 'role'))?.toLowerCase() ?? '', node, text: textOf(node) }))
    .filter((entry) => entry.text !== '');
}

export function readNewsItem(item: XmlElement, inherited: readonly string[]): WireItem | string {
  const warnings = [...inherited];
  const itemMeta = child(item, 'itemMeta');
  const contentMeta = child(item, 'contentMeta');
  const language = attr(child(contentMeta, 'language'), 'tag') ?? attr(item, 'xml:lang');
  const described = descriptions(contentMeta);
  const caption = described.find((entry) => entry.role === 'caption') ?? described[0];
  const credit = childText(contentMeta, 'creditline');
  const body = content(child(item, 'contentSet'), warnings, caption?.text ?? null, credit);
  const headline = childElements(contentMeta, 'headline');
  const mainHeadline = headline.find((node) => /main/.test(attr(node, 'role') ?? 'main')) ?? headline[0];
  if (body.events && mainHeadline === undefined)
    return 'Not a news item: a NewsML-G2 news item carrying events, not a story.';
  let blocks = body.blocks;
  if (blocks.length === 0 && described.length > 0) {
    blocks = described.flatMap((entry) => mapBody(entry.node.children).blocks);
  }
  const provider = child(itemMeta, 'provider');
  const by = childElements(contentMeta, 'by').map((node) => byName(textOf(node)));
  const creators = childElements(contentMeta, 'creator')
    .map((creator) => conceptName(creator, language))
    .filter((name): name is string => name !== null);
  const metaBylines = [...by, ...creators];
  const versionCreated = parseWireTime(childText(itemMeta, 'versionCreated'), warnings, 'versionCreated');
  const firstCreated =
    parseWireTime(childText(itemMeta, 'firstCreated'), warnings, 'firstCreated') ??
    parseWireTime(childText(contentMeta, 'contentCreated'), warnings, 'contentCreated');
  const summary = described.find((entry) => ['summary', 'abstract'].includes(entry.role)) ?? described[0];
  return finishItem({
    agency: agencyName(
      provider === null ? null : conceptName(provider, language),
      qcodeCode(attr(provider, 'qcode')),
      uriHost(attr(provider, 'uri')),
    ),
    agencyId: attr(item, 'guid'),
    version: versionFrom(attr(item, 'version'), warnings),
    format: 'newsml-g2',
    status: status(child(itemMeta, 'pubStatus')),
    headline: (mainHeadline === undefined ? null : textOf(mainHeadline)) ?? body.nitf?.headline ?? null,
    slugline: childText(contentMeta, 'slugline'),
    bylines: metaBylines.length > 0 ? metaBylines : (body.nitf?.bylines ?? []),
    dateline: dateline(contentMeta, language) ?? body.nitf?.dateline ?? null,
    firstCreated,
    versionCreated,
    subjects: g2Subjects(contentMeta, language, assertedNames(item, language)),
    keywords: childElements(contentMeta, 'keyword').map((keyword) => textOf(keyword)),
    language,
    urgency: urgencyFrom(childText(contentMeta, 'urgency'), warnings),
    summary: summary?.text ?? body.nitf?.abstract ?? null,
    body: blocks,
    images: body.images,
    warnings,
  });
}

/** A NewsML-G2 newsItem, or a newsMessage carrying news items (NewsML-G2 2.35). */
export function parseNewsmlG2(root: XmlElement, treeWarnings: readonly string[]): WireParseResult {
  const warnings = [...treeWarnings];
  const xmlns = attr(root, 'xmlns');
  if (xmlns === null) warnings.push('The NewsML-G2 namespace is missing; read as NewsML-G2.');
  else if (xmlns !== G2_NAMESPACE) warnings.push(`Unexpected namespace "${xmlns}"; read as NewsML-G2.`);
  if (root.local === 'newsItem') {
    const item = readNewsItem(root, warnings);
    return typeof item === 'string' ? { ok: false, reason: item } : { ok: true, items: [item], warnings: [] };
  }
  const items: WireItem[] = [];
  const fileWarnings: string[] = [];
  const listed = childElements(child(root, 'itemSet'), 'newsItem');
  refuseTooManyItems(listed.length);
  for (const newsItem of listed) {
    // A placeholder with neither metadata nor content (as in a package's listing) is not an item.
    if (childElements(newsItem).length === 0) continue;
    const item = readNewsItem(newsItem, warnings);
    if (typeof item === 'string') fileWarnings.push(item);
    else items.push(item);
  }
  if (items.length === 0)
    return { ok: false, reason: 'Not a news item: the news message carries no complete news item.' };
  return { ok: true, items, warnings: fileWarnings };
}
