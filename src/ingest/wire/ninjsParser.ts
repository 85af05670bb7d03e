import type { Block } from '../../news/article.js';
import { mapBody, plainTextBlocks } from './bodyBlocks.js';
import { parseHtmlFragment } from './htmlTree.js';
import { ninjsDateline } from './ninjsDateline.js';
import {
  isObject,
  type JsonObject,
  looksLikeMarkup,
  lowerKeys,
  namedObjects,
  num,
  objects,
  str,
  strings,
} from './ninjsFields.js';
import { agencyName, knownAgencyIn, uriHost } from './wireAgency.js';
import { finishItem, urgencyFrom, versionFrom } from './wireDraft.js';
import type { WireImage, WireItem, WireParseResult, WireSubject } from './wireItem.js';
import { refuseTooManyItems } from './wireRefusal.js';
import { wireSubject } from './wireSubject.js';
import { parseWireTime } from './wireTime.js';

/** ninjs object types that are stories, pictures or media; events and planning are not news items (ninjs 3.1 `type`). */
const NEWS_TYPES = new Set(['text', 'audio', 'video', 'picture', 'graphic', 'composite']);
/** Entity lists and their singular 1.x spellings (ninjs 1.6 person/organisation/place/object, 2.x+ plurals). */
const ENTITY_KINDS: readonly (readonly [string, string, string])[] = [
  ['person', 'people', 'person'],
  ['organisation', 'organisations', 'organisation'],
  ['place', 'places', 'place'],
  ['object', 'objects', 'object'],
];

interface TextCandidate {
  readonly markup: boolean;
  readonly value: string;
}

/** Bodies or descriptions: 2.x+ `bodies[]`, 1.x `body_xhtml`, `body_html`, `body_text` and extensible `body_*`. */
function candidates(item: JsonObject, singular: string, plural: string): TextCandidate[] {
  const found: TextCandidate[] = [];
  for (const entry of objects(item, plural)) {
    const value = str(entry, 'value');
    if (value === null) continue;
    const type = `${str(entry, 'contenttype') ?? ''} ${str(entry, 'role') ?? ''}`.toLowerCase();
    const markup = /html|richtext/.test(type) || (!type.includes('text/plain') && looksLikeMarkup(value));
    found.push({ markup, value });
  }
  for (const [key, value] of Object.entries(item)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (key !== singular && !key.startsWith(`${singular}_`)) continue;
    const markup = /html|richtext/.test(key) || (!key.endsWith('_text') && looksLikeMarkup(value));
    found.push({ markup, value });
  }
  return found;
}

function textOfCandidate(candidate: TextCandidate | undefined): string | null {
  if (candidate === undefined) return null;
  if (!candidate.markup) return candidate.value;
  return mapBody(parseHtmlFragment(candidate.value).nodes)
    .blocks.map((block) => ('text' in block ? block.text : ''))
    .join(' ');
}

function headline(item: JsonObject): string | null {
  const plain = str(item, 'headline');
  if (plain !== null) return plain;
  const list = objects(item, 'headlines');
  const main = list.find((entry) => str(entry, 'role') === 'main') ?? list[0];
  if (main !== undefined) return str(main, 'value');
  const extensible = Object.keys(item).filter((key) => key.startsWith('headline_'));
  const key = extensible.find((name) => name === 'headline_main') ?? extensible[0];
  return key === undefined ? null : str(item, key);
}

function bylines(item: JsonObject): string[] {
  const found = [...strings(item, 'byline'), ...strings(item, 'by'), ...strings(item, 'bylines')];
  for (const entry of objects(item, 'bylines')) {
    const name = str(entry, 'byline') ?? str(entry, 'name') ?? str(entry, 'value');
    if (name !== null) found.push(name);
  }
  return found;
}

function subjects(item: JsonObject): WireSubject[] {
  const found: WireSubject[] = [];
  for (const subject of [...objects(item, 'subject'), ...objects(item, 'subjects')]) {
    found.push(
      wireSubject(
        { uri: str(subject, 'uri'), literal: str(subject, 'code'), scheme: str(subject, 'scheme') },
        str(subject, 'name'),
      ),
    );
  }
  for (const [singular, plural, kind] of ENTITY_KINDS) {
    for (const entity of [...objects(item, singular), ...objects(item, plural)]) {
      const code = str(entity, 'code');
      const scheme = str(entity, 'scheme') ?? '';
      found.push({
        scheme: kind,
        code: str(entity, 'uri') ?? (code === null ? null : `${scheme}${code}`),
        name: str(entity, 'name'),
      });
    }
  }
  return found;
}

/** The biggest rendition with an address, as the picture to keep. */
function bestRendition(item: JsonObject): JsonObject | null {
  const renditions = namedObjects(item, 'renditions').filter((rendition) => {
    const type = str(rendition, 'contenttype') ?? str(rendition, 'mimetype');
    return str(rendition, 'href') !== null && (type === null || type.startsWith('image/'));
  });
  renditions.sort((a, b) => (num(b, 'width') ?? 0) - (num(a, 'width') ?? 0));
  return renditions[0] ?? null;
}

function picture(item: JsonObject): WireImage | null {
  const rendition = bestRendition(item);
  const uri = str(item, 'uri');
  const href =
    rendition === null ? (uri !== null && /\.(jpe?g|png|gif|webp)$/i.test(uri) ? uri : null) : str(rendition, 'href');
  const caption = textOfCandidate(candidates(item, 'description', 'descriptions').find((entry) => !entry.markup));
  if (href === null && caption === null) return null;
  const by = bylines(item)[0] ?? null;
  return {
    href,
    caption,
    credit: by,
    altText: null,
    width: rendition === null ? null : num(rendition, 'width'),
    height: rendition === null ? null : num(rendition, 'height'),
  };
}

function images(item: JsonObject): WireImage[] {
  const found: WireImage[] = [];
  const type = str(item, 'type');
  if (type === 'picture' || type === 'graphic' || type === null) {
    const own = bestRendition(item) === null ? null : picture(item);
    if (own !== null) found.push(own);
  }
  for (const association of namedObjects(item, 'associations')) {
    const kind = str(association, 'type');
    if (kind !== 'picture' && kind !== 'graphic') continue;
    const image = picture(association);
    if (image !== null) found.push(image);
  }
  return found;
}

function body(item: JsonObject, warnings: string[]): { blocks: Block[]; images: WireImage[] } {
  let found = candidates(item, 'body', 'bodies');
  if (found.length === 0) found = candidates(item, 'description', 'descriptions');
  const chosen = found.find((entry) => entry.markup) ?? found[0];
  if (chosen === undefined) return { blocks: [], images: [] };
  if (!chosen.markup) return { blocks: plainTextBlocks(chosen.value), images: [] };
  const parsed = parseHtmlFragment(chosen.value);
  const mapped = mapBody(parsed.nodes);
  warnings.push(...parsed.warnings, ...mapped.warnings);
  return { blocks: mapped.blocks, images: mapped.images };
}

function status(item: JsonObject, warnings: string[]): WireItem['status'] {
  const raw = str(item, 'pubstatus')?.toLowerCase() ?? 'usable';
  if (raw === 'usable') return 'usable';
  if (raw === 'withheld' || raw === 'withdrawn') return 'withdrawn';
  if (raw === 'canceled' || raw === 'cancelled') return 'canceled';
  warnings.push(`Unknown pubstatus "${raw}"; read as usable.`);
  return 'usable';
}

function readItem(item: JsonObject): WireItem {
  const warnings: string[] = [];
  const uri = str(item, 'uri');
  if (uri !== null && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(uri))
    warnings.push(`The uri "${uri}" is not a valid URI; kept as the agency's id.`);
  const infoSource = [...objects(item, 'infosource'), ...objects(item, 'infosources')][0];
  // Not in the schema, but agencies' own ninjs often names the provider so.
  const provider = isObject(item.provider) ? item.provider : undefined;
  const mapped = body(item, warnings);
  const description = candidates(item, 'description', 'descriptions');
  return finishItem({
    agency: agencyName(
      infoSource === undefined ? null : str(infoSource, 'name'),
      provider === undefined ? null : str(provider, 'name'),
      str(item, 'copyrightholder'),
      knownAgencyIn(uri),
      uriHost(uri),
    ),
    agencyId: uri,
    version: versionFrom(str(item, 'version'), warnings),
    format: 'ninjs',
    status: status(item, warnings),
    headline: headline(item),
    slugline: str(item, 'slugline'),
    bylines: bylines(item),
    dateline: ninjsDateline(item, warnings),
    firstCreated: parseWireTime(str(item, 'firstcreated') ?? str(item, 'contentcreated'), warnings, 'firstcreated'),
    versionCreated: parseWireTime(str(item, 'versioncreated'), warnings, 'versioncreated'),
    subjects: subjects(item),
    keywords: strings(item, 'keywords'),
    language: str(item, 'language'),
    urgency: urgencyFrom(num(item, 'urgency'), warnings),
    summary: textOfCandidate(description.find((entry) => !entry.markup) ?? description[0]),
    body: mapped.blocks,
    images: [...images(item), ...mapped.images],
    warnings,
  });
}

/** One ninjs document (1.x, 2.x or 3.x), or an array of them. */
export function parseNinjs(json: unknown): WireParseResult {
  const list = Array.isArray(json) ? json : [json];
  refuseTooManyItems(list.length);
  const items: WireItem[] = [];
  const skipped: string[] = [];
  for (const entry of list) {
    if (!isObject(entry)) return { ok: false, reason: 'Not a ninjs document: expected a JSON object.' };
    // IPTC ships its ninjs schemas beside the examples; a schema dropped in the folder is named as one.
    if (typeof entry.$schema === 'string') return { ok: false, reason: 'Not a news item: a JSON Schema.' };
    const item = lowerKeys(entry);
    const type = str(item, 'type');
    if (type !== null && !NEWS_TYPES.has(type)) {
      skipped.push(type);
      continue;
    }
    items.push(readItem(item));
  }
  if (items.length === 0) {
    return { ok: false, reason: `Not a news item: a ninjs ${skipped[0] ?? 'document'} object, not a story.` };
  }
  const warnings = skipped.map((type) => `A ninjs ${type} object was skipped: not a news item.`);
  return { ok: true, items, warnings };
}
