import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5';
import { WireRefusal } from './wireRefusal.js';
import type { XmlNode } from './xmlTree.js';

type Parse5Node = DefaultTreeAdapterTypes.ChildNode;

/** Markup nested deeper than this is cut off: real copy never comes close, an attack would. */
const MAX_HTML_DEPTH = 100;
/** More tags than this in one body is not a story; refused before parse5 spends seconds on it. */
export const MAX_HTML_TAGS = 20_000;

function convert(node: Parse5Node, depth: number, cut: { deep: boolean }): XmlNode | null {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!('tagName' in node)) return null;
  if (depth >= MAX_HTML_DEPTH) {
    cut.deep = true;
    return null;
  }
  const attrs: Record<string, string> = {};
  for (const { name, value } of node.attrs) attrs[name] = value;
  const children: XmlNode[] = [];
  for (const childNode of node.childNodes) {
    const converted = convert(childNode, depth + 1, cut);
    if (converted !== null) children.push(converted);
  }
  return { name: node.tagName, local: node.tagName, attrs, children };
}

/**
 * Parses an HTML body (RSS description, Atom content, ninjs body_html) with
 * parse5, as a browser would, into the same tree the body mapper reads.
 * Named character references are decoded by the HTML rules, which is what
 * the sender meant; nothing is fetched or run.
 */
export function parseHtmlFragment(html: string): { readonly nodes: XmlNode[]; readonly warnings: string[] } {
  let tags = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    tags += 1;
    if (tags > MAX_HTML_TAGS)
      throw new WireRefusal(`An HTML body has more than ${MAX_HTML_TAGS} tags; such files are refused.`);
  }
  const fragment = parseFragment(html);
  const cut = { deep: false };
  const nodes: XmlNode[] = [];
  for (const childNode of fragment.childNodes) {
    const converted = convert(childNode, 0, cut);
    if (converted !== null) nodes.push(converted);
  }
  const warnings = cut.deep ? [`Markup nested deeper than ${MAX_HTML_DEPTH} elements was left out.`] : [];
  return { nodes, warnings };
}

/** Plain text of an HTML snippet (titles, captions), markup dropped. */
export function htmlToText(html: string): string {
  const { nodes } = parseHtmlFragment(html);
  const parts: string[] = [];
  const walk = (node: XmlNode): void => {
    if (typeof node === 'string') parts.push(node);
    else if (!['script', 'style', 'template'].includes(node.local)) for (const child of node.children) walk(child);
  };
  for (const node of nodes) walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
