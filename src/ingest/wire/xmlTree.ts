import { SaxesParser } from 'saxes';

/**
 * A parsed XML (or HTML) element as the wire parsers read it. Names are kept
 * as written (`dc:creator`) with the prefix split off in `local`, so files that
 * forget to declare a namespace are still read (agencies do).
 */
export interface XmlElement {
  readonly name: string;
  readonly local: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | string;

export type XmlTreeResult =
  | { readonly ok: true; readonly root: XmlElement; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** Deeper than this is not news copy but an attack on the parser's stack. */
export const MAX_XML_DEPTH = 200;

interface Building {
  readonly declared: readonly string[];
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlNode[];
}

class Refusal extends Error {}

/** The part of a qualified name after its prefix: `dc:creator` → `creator`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function element(building: Building): XmlElement {
  return { name: building.name, local: localName(building.name), attrs: building.attrs, children: building.children };
}

/**
 * Parses XML into a tree (`refuseRoot` may refuse the document by its root element's local name) with saxes, which knows only the five predefined
 * entities and character references and never loads anything. A document
 * type declaration with an internal subset (where entities are declared:
 * billion laughs, external entities) is refused outright; a bare DOCTYPE
 * naming an external DTD, as NewsML 1.2 and NITF files often carry, is
 * ignored with a warning because that DTD is never fetched.
 */
export function parseXmlTree(text: string, refuseRoot: (local: string) => string | null = () => null): XmlTreeResult {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const warnings: string[] = [];
  const stack: Building[] = [];
  let root: XmlElement | null = null;
  // Prefixes in scope, counted, so an undeclared one (agencies forget `xmlns:dc`) is read with a warning.
  const inScope = new Map<string, number>([
    ['xml', 1],
    ['xmlns', 1],
  ]);
  const undeclared = new Set<string>();
  parser.on('doctype', (doctype) => {
    if (doctype.includes('[') || /<!ENTITY/i.test(doctype)) {
      throw new Refusal('The file declares a DTD internal subset (entity declarations); such files are refused.');
    }
    warnings.push('The DOCTYPE was ignored; its external DTD is never loaded.');
  });
  parser.on('opentag', (tag) => {
    if (stack.length === 0 && root === null) {
      // Decided on the root alone, so a large schema or package is refused without reading it whole.
      const refusal = refuseRoot(localName(tag.name));
      if (refusal !== null) throw new Refusal(refusal);
    }
    if (stack.length >= MAX_XML_DEPTH) throw new Refusal(`The XML nests deeper than ${MAX_XML_DEPTH} elements.`);
    const attrs: Record<string, string> = {};
    const declared: string[] = [];
    for (const [name, value] of Object.entries(tag.attributes)) {
      attrs[name] = String(value);
      if (name.startsWith('xmlns:')) declared.push(name.slice(6));
    }
    for (const prefix of declared) inScope.set(prefix, (inScope.get(prefix) ?? 0) + 1);
    for (const name of [tag.name, ...Object.keys(attrs)]) {
      const colon = name.indexOf(':');
      if (colon > 0 && !inScope.has(name.slice(0, colon))) undeclared.add(name.slice(0, colon));
    }
    const building: Building = { declared, name: tag.name, attrs, children: [] };
    stack.push(building);
  });
  parser.on('closetag', () => {
    const done = stack.pop();
    if (done === undefined) return;
    for (const prefix of done.declared) {
      const count = (inScope.get(prefix) ?? 1) - 1;
      if (count === 0) inScope.delete(prefix);
      else inScope.set(prefix, count);
    }
    const built = element(done);
    const parent = stack.at(-1);
    if (parent === undefined) root = built;
    else parent.children.push(built);
  });
  const addText = (value: string): void => {
    const parent = stack.at(-1);
    if (parent === undefined) return;
    const last = parent.children.at(-1);
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
    else parent.children.push(value);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (error) => {
    throw new Refusal(`The XML is malformed: ${error.message.replace(/^undefined:\s*/, '')}`);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
  if (root === null) return { ok: false, reason: 'The XML has no root element.' };
  for (const prefix of undeclared) {
    warnings.push(`The namespace prefix "${prefix}:" is used without being declared; its elements were read by name.`);
  }
  return { ok: true, root, warnings };
}
