import type { Block } from '../../news/article.js';
import type { WireItem, WireParser, WireSubject } from './wireItem.js';

/**
 * A stand-in reader for IPTC ninjs JSON only (1.x–3.x field names), so the
 * inbox can be built and tested before the full set of format parsers
 * (NewsML-G2, NewsML 1.2, NITF, RSS, Atom) lands under this same name and
 * signature. Bodies are read as plain paragraphs: markup is dropped, never kept.
 */
export const parseWireFile: WireParser = (bytes, _name) => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'The file is not valid UTF-8 text.' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'The file is not a format the wire inbox reads (expected ninjs JSON).' };
  }
  const records = Array.isArray(parsed) ? parsed : [parsed];
  const items: WireItem[] = [];
  const warnings: string[] = [];
  records.forEach((record, index) => {
    const item = ninjsItem(record);
    if (typeof item === 'string') warnings.push(`Item ${index + 1}: ${item}`);
    else items.push(item);
  });
  if (items.length === 0) return { ok: false, reason: warnings[0] ?? 'The file holds no news item.' };
  return { ok: true, items, warnings };
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function ninjsItem(record: unknown): WireItem | string {
  if (!isObject(record)) return 'not a ninjs object.';
  const agencyId = str(record.guid) ?? str(record.uri);
  if (agencyId === null) return 'no uri or guid: the item cannot be told apart from others.';
  const headline = headlineOf(record);
  if (headline === null) return 'no headline.';
  const version = Number.parseInt(String(record.version ?? '1'), 10);
  const pubstatus = str(record.pubstatus);
  const bylines = [str(record.byline) ?? str(record.by)].filter((line): line is string => line !== null);
  return {
    agency: agencyOf(record, agencyId),
    agencyId,
    version: Number.isSafeInteger(version) && version > 0 ? version : 1,
    format: 'ninjs',
    status: pubstatus === 'withdrawn' ? 'withdrawn' : pubstatus === 'canceled' ? 'canceled' : 'usable',
    headline,
    slugline: str(record.slugline),
    bylines,
    dateline: null,
    firstCreated: dateOf(record.firstcreated ?? record.firstCreated),
    versionCreated: dateOf(record.versioncreated ?? record.versionCreated),
    subjects: subjectsOf(record.subject),
    keywords: Array.isArray(record.keywords) ? record.keywords.flatMap((word) => str(word) ?? []) : [],
    language: str(record.language),
    urgency: urgencyOf(record.urgency ?? record.priority),
    summary: str(record.description_text) ?? str(record.description),
    body: bodyOf(record),
    images: [],
    warnings: [],
  };
}

function headlineOf(record: Json): string | null {
  const direct = str(record.headline) ?? str(record.headline_main);
  if (direct !== null) return direct;
  if (!Array.isArray(record.headlines)) return null;
  const lines = record.headlines.filter(isObject);
  const main = lines.find((line) => line.role === 'main') ?? lines[0];
  return main === undefined ? null : str(main.value);
}

function agencyOf(record: Json, agencyId: string): string {
  const provider = isObject(record.provider) ? str(record.provider.name) : str(record.provider);
  const named = provider ?? str(record.copyrightholder);
  if (named !== null) return named.slice(0, 60);
  try {
    return new URL(agencyId).hostname || 'unknown';
  } catch {
    return 'unknown';
  }
}

function dateOf(value: unknown): Date | null {
  const text = str(value);
  if (text === null) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function urgencyOf(value: unknown): number | null {
  const number = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isInteger(number) && number >= 1 && number <= 9 ? number : null;
}

function subjectsOf(value: unknown): WireSubject[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((subject) => {
    const uri = str(subject.uri);
    const code = str(subject.code) ?? (uri === null ? null : (uri.split(/[/:]/).pop() ?? null));
    return { scheme: str(subject.scheme) ?? str(subject.rel), code, name: str(subject.name) };
  });
}

function bodyOf(record: Json): Block[] {
  const html =
    str(record.body_html) ?? str(record.body_xhtml) ?? str(record.body_richtext) ?? bodiesValue(record, true);
  if (html !== null) return paragraphs(html.split(/<\/p>|<br\s*\/?>/i).map(textOfMarkup));
  const plain = str(record.body_text) ?? str(record.body_main) ?? bodiesValue(record, false);
  return plain === null ? [] : paragraphs(plain.split(/\n\s*\n|\r\n\s*\r\n/));
}

function bodiesValue(record: Json, rich: boolean): string | null {
  if (!Array.isArray(record.bodies)) return null;
  const found = record.bodies
    .filter(isObject)
    .find((body) => /html/i.test(String(body.contentType ?? '')) === rich && str(body.value) !== null);
  return found === undefined ? null : str(found.value);
}

function paragraphs(texts: readonly string[]): Block[] {
  return texts
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '')
    .map((text) => ({ type: 'paragraph', text }));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of a fragment of markup: tags (and whatever script or style holds) dropped, common entities read. */
function textOfMarkup(fragment: string): string {
  return fragment
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
      if (entity.startsWith('#')) {
        const code =
          entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
        return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[entity.toLowerCase()] ?? whole;
    });
}
