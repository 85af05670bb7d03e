import { parseAtom, parseRss } from './feedParser.js';
import { parseNewsml12 } from './newsml12Parser.js';
import { parseNewsmlG2 } from './newsmlG2Parser.js';
import { parseNinjs } from './ninjsParser.js';
import { parseNitf } from './nitfParser.js';
import type { WireParseResult, WireParser } from './wireItem.js';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH, WireRefusal } from './wireRefusal.js';
import { decodeWireBytes } from './wireText.js';
import { parseXmlTree, type XmlElement } from './xmlTree.js';

/** Largest wire file read; agency items are kilobytes, so anything near this is a mistake or an attack. */
export const MAX_WIRE_BYTES = 5 * 1024 * 1024;

/** NewsML-G2 roots that are not news items (spec §2: concept, knowledge, planning, package, catalog items), and fragments. */
const NOT_NEWS: Readonly<Record<string, string>> = {
  packageItem: 'a NewsML-G2 package item',
  conceptItem: 'a NewsML-G2 concept item',
  knowledgeItem: 'a NewsML-G2 knowledge item',
  planningItem: 'a NewsML-G2 planning item',
  catalogItem: 'a NewsML-G2 catalog item',
  catalog: 'a NewsML-G2 catalog',
  groupSet: 'a fragment of a NewsML-G2 package (groupSet)',
  contentSet: 'a fragment of a NewsML-G2 item (contentSet)',
  contentMeta: 'a fragment of a NewsML-G2 item (contentMeta)',
  itemMeta: 'a fragment of a NewsML-G2 item (itemMeta)',
  schema: 'an XML schema',
};

const READ_ROOTS = new Set(['newsItem', 'newsMessage', 'NewsML', 'nitf', 'rss', 'RDF', 'feed', 'entry']);

function refuseRoot(local: string): string | null {
  if (READ_ROOTS.has(local)) return null;
  const what = NOT_NEWS[local];
  return `Not a news item: ${what ?? `an XML document with root <${local}>, not a wire format read here`}.`;
}

function dispatchXml(root: XmlElement, warnings: readonly string[]): WireParseResult {
  switch (root.local) {
    case 'newsItem':
    case 'newsMessage':
      return parseNewsmlG2(root, warnings);
    case 'NewsML':
      return parseNewsml12(root, warnings);
    case 'nitf':
      return parseNitf(root, warnings);
    case 'rss':
    case 'RDF':
      return parseRss(root, warnings);
    case 'feed':
    case 'entry':
      return parseAtom(root, warnings);
    default:
      return { ok: false, reason: refuseRoot(root.local) ?? 'Not a news item.' };
  }
}

function withWarnings(result: WireParseResult, warnings: readonly string[]): WireParseResult {
  if (!result.ok || warnings.length === 0) return result;
  return {
    ...result,
    items: result.items.map((item) => ({ ...item, warnings: [...new Set([...warnings, ...item.warnings])] })),
  };
}

/**
 * Reads one agency file, whatever its format: the content decides (JSON is
 * ninjs; XML by its root element), the name is never trusted. Refuses, with
 * the reason, files that are too big, not text, malformed, hostile (entity
 * declarations) or not news items; never expands entities, never loads
 * anything.
 */
export const parseWireFile: WireParser = (bytes, name) => {
  try {
    return parseBytes(bytes, name);
  } catch (error) {
    if (error instanceof WireRefusal) return { ok: false, reason: error.message };
    throw error;
  }
};

function parseBytes(bytes: Uint8Array, _name: string): WireParseResult {
  if (bytes.length > MAX_WIRE_BYTES) {
    return {
      ok: false,
      reason: `The file is ${bytes.length} bytes; wire files may be at most ${MAX_WIRE_BYTES} bytes.`,
    };
  }
  const decoded = decodeWireBytes(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/^\uFEFF/, '');
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
      return { ok: false, reason: `The JSON nests deeper than ${MAX_JSON_DEPTH} levels; such files are refused.` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { ok: false, reason: `The JSON is malformed: ${error instanceof Error ? error.message : String(error)}` };
    }
    return withWarnings(parseNinjs(json), decoded.warnings);
  }
  if (start !== '<') return { ok: false, reason: 'Not a wire file: neither JSON (ninjs) nor XML.' };
  const tree = parseXmlTree(text, refuseRoot);
  if (!tree.ok) return tree;
  return dispatchXml(tree.root, [...decoded.warnings, ...tree.warnings]);
}
