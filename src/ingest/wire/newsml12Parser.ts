import type { Block } from '../../news/article.js';
import { dimension, mapBody, pictureRef, plainTextBlocks } from './bodyBlocks.js';
import { parseHtmlFragment } from './htmlTree.js';
import { datelinePlace, readNitfBody } from './nitfBody.js';
import { agencyName } from './wireAgency.js';
import { finishItem, urgencyFrom, versionFrom } from './wireDraft.js';
import type { WireImage, WireItem, WireParseResult, WireSubject } from './wireItem.js';
import { refuseTooManyItems } from './wireRefusal.js';
import { wireSubject } from './wireSubject.js';
import { parseWireTime } from './wireTime.js';
import { attr, child, childElements, childText, descendant, descendants, path, textOf } from './xmlQuery.js';
import type { XmlElement } from './xmlTree.js';

/** NewsML 1.2 NewsManagement/Status FormalName (IPTC NewsML 1.2 topic set "Status"). */
function status(raw: string | null): WireItem['status'] {
  const value = raw?.toLowerCase() ?? 'usable';
  if (value === 'withheld' || value === 'withdrawn' || value === 'kill') return 'withdrawn';
  if (value === 'canceled' || value === 'cancelled') return 'canceled';
  return 'usable';
}

const formal = (node: XmlElement | null): string | null => attr(node, 'FormalName');

/** Every NewsComponent of an item, outermost first (components nest). */
function components(item: XmlElement): XmlElement[] {
  return descendants(item, 'NewsComponent');
}

function body(item: XmlElement, warnings: string[]) {
  let blocks: Block[] = [];
  const images: WireImage[] = [];
  let nitf: ReturnType<typeof readNitfBody> | null = null;
  for (const contentItem of descendants(item, 'ContentItem')) {
    const media = formal(child(contentItem, 'MediaType'))?.toLowerCase() ?? '';
    const data = child(contentItem, 'DataContent');
    if (media === 'photo' || media === 'graphic') {
      const props = new Map(
        descendants(child(contentItem, 'Characteristics'), 'Property').map((prop) => [
          formal(prop)?.toLowerCase() ?? '',
          attr(prop, 'Value'),
        ]),
      );
      images.push({
        href: pictureRef(attr(contentItem, 'Href')),
        caption: null,
        credit: null,
        altText: null,
        width: dimension(props.get('width') ?? null),
        height: dimension(props.get('height') ?? null),
      });
      continue;
    }
    if (data === null || blocks.length > 0) continue;
    const nitfNode = descendant(data, 'nitf');
    const html = descendant(data, 'html') ?? descendant(data, 'body');
    if (nitfNode !== null) {
      nitf = readNitfBody(nitfNode, warnings);
      blocks = nitf.blocks;
      images.push(...nitf.images);
    } else if (html !== null) {
      const mapped = mapBody((child(html, 'body') ?? html).children);
      warnings.push(...mapped.warnings);
      blocks = mapped.blocks;
    } else if (childElements(data).length > 0) {
      blocks = mapBody(data.children).blocks;
    } else {
      blocks = looksEscapedHtml(data)
        ? mapBody(parseHtmlFragment(rawText(data)).nodes).blocks
        : plainTextBlocks(rawText(data));
    }
  }
  return { blocks, images, nitf };
}

const rawText = (node: XmlElement): string => node.children.filter((n) => typeof n === 'string').join('');
const looksEscapedHtml = (node: XmlElement): boolean => /<\/?p[\s>]/i.test(rawText(node));

function subjects(item: XmlElement): WireSubject[] {
  const found: WireSubject[] = [];
  for (const code of descendants(item, 'SubjectCode')) {
    for (const subject of childElements(code)) {
      const value = formal(subject);
      if (value !== null) found.push(wireSubject({ qcode: `subj:${value}` }, null));
    }
  }
  return found;
}

function readItem(item: XmlElement, envelope: XmlElement | null, inherited: readonly string[]): WireItem {
  const warnings = [...inherited];
  const identifier = path(item, 'Identification', 'NewsIdentifier');
  const management = child(item, 'NewsManagement');
  const top = components(item)[0] ?? null;
  const lines = descendant(item, 'NewsLines');
  const described = descendant(item, 'DescriptiveMetadata');
  const provider = childText(identifier, 'ProviderId');
  const dateId = childText(identifier, 'DateId');
  const newsItemId = childText(identifier, 'NewsItemId');
  const agencyId =
    newsItemId === null
      ? childText(identifier, 'PublicIdentifier')
      : `urn:newsml:${provider ?? ''}:${dateId ?? ''}:${newsItemId}`;
  const time = (node: XmlElement | null, label: string) =>
    parseWireTime(textOf(node), warnings, label, { basicIsNative: true });
  const read = body(item, warnings);
  const datelineText = childText(lines, 'DateLine');
  const location = descendants(described, 'Location').find((loc) => (attr(loc, 'HowPresent') ?? 'Origin') === 'Origin');
  const city =
    location === undefined ? undefined : descendants(location, 'Property').find((prop) => formal(prop) === 'City');
  const place =
    (city === undefined ? null : attr(city, 'Value')) ?? (datelineText === null ? null : datelinePlace(datelineText));
  const byline = childText(lines, 'ByLine');
  const keywords = childElements(lines, 'KeywordLine').map((line) => textOf(line));
  for (const prop of descendants(described, 'Property'))
    if (formal(prop) === 'Keyword') keywords.push(attr(prop, 'Value') ?? '');
  return finishItem({
    agency: agencyName(
      provider,
      formal(descendant(path(top, 'AdministrativeMetadata', 'Provider'), 'Party')),
      childText(lines, 'CreditLine'),
    ),
    agencyId,
    version: versionFrom(childText(identifier, 'RevisionId'), warnings),
    format: 'newsml-1.2',
    status: status(formal(child(management, 'Status'))),
    headline: childText(lines, 'HeadLine') ?? read.nitf?.headline ?? null,
    slugline: childText(lines, 'SlugLine') ?? childText(path(item, 'Identification'), 'NameLabel'),
    bylines: byline === null ? (read.nitf?.bylines ?? []) : [byline.replace(/^by\s+/i, '')],
    dateline:
      datelineText === null && place === null
        ? (read.nitf?.dateline ?? null)
        : { place, at: null, text: datelineText ?? place ?? '' },
    firstCreated: time(child(management, 'FirstCreated'), 'FirstCreated'),
    versionCreated: time(child(management, 'ThisRevisionCreated'), 'ThisRevisionCreated'),
    subjects: subjects(item),
    keywords,
    language: formal(descendant(described, 'Language')),
    urgency: urgencyFrom(formal(child(management, 'Urgency')) ?? formal(child(envelope, 'Priority')), warnings),
    summary: read.nitf?.abstract ?? null,
    body: read.blocks,
    images: read.images,
    warnings,
  });
}

/** A NewsML 1.2 document (AFP style): NewsEnvelope, then one or more NewsItems. */
export function parseNewsml12(root: XmlElement, treeWarnings: readonly string[]): WireParseResult {
  const envelope = child(root, 'NewsEnvelope');
  const listed = childElements(root, 'NewsItem');
  refuseTooManyItems(listed.length);
  const items = listed.map((item) => readItem(item, envelope, treeWarnings));
  if (items.length === 0) return { ok: false, reason: 'Not a news item: the NewsML document carries no NewsItem.' };
  return { ok: true, items, warnings: [] };
}
