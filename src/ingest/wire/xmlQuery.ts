import type { XmlElement, XmlNode } from './xmlTree.js';

/** Child elements, optionally only those with this local name. */
export function childElements(parent: XmlElement | null, local?: string): XmlElement[] {
  if (parent === null) return [];
  const found: XmlElement[] = [];
  for (const child of parent.children) {
    if (typeof child !== 'string' && (local === undefined || child.local === local)) found.push(child);
  }
  return found;
}

export function child(parent: XmlElement | null, local: string): XmlElement | null {
  return childElements(parent, local)[0] ?? null;
}

/** Follows a path of local names from `parent`, first match at each step. */
export function path(parent: XmlElement | null, ...locals: string[]): XmlElement | null {
  let at = parent;
  for (const local of locals) at = child(at, local);
  return at;
}

/** Every element below `parent` with this local name, in document order (iterative: no deep recursion). */
export function descendants(parent: XmlElement | null, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  if (parent === null) return found;
  const todo: XmlNode[] = [...parent.children].reverse();
  while (todo.length > 0) {
    const node = todo.pop();
    if (node === undefined || typeof node === 'string') continue;
    if (node.local === local) found.push(node);
    for (let i = node.children.length - 1; i >= 0; i -= 1) todo.push(node.children[i] as XmlNode);
  }
  return found;
}

export function descendant(parent: XmlElement | null, local: string): XmlElement | null {
  return descendants(parent, local)[0] ?? null;
}

/** All text below an element, whitespace collapsed. */
export function textOf(node: XmlElement | null): string {
  if (node === null) return '';
  const parts: string[] = [];
  const todo: XmlNode[] = [node];
  while (todo.length > 0) {
    const next = todo.pop();
    if (next === undefined) continue;
    if (typeof next === 'string') parts.push(next);
    else for (let i = next.children.length - 1; i >= 0; i -= 1) todo.push(next.children[i] as XmlNode);
  }
  return collapse(parts.join(''));
}

/** Text of the first child with this name, or null when absent or blank. */
export function childText(parent: XmlElement | null, local: string): string | null {
  const text = textOf(child(parent, local));
  return text === '' ? null : text;
}

/** An attribute by local name (`xml:lang` and `lang` both answer to `lang` only when asked by full name first). */
export function attr(node: XmlElement | null, name: string): string | null {
  if (node === null) return null;
  const direct = node.attrs[name];
  if (direct !== undefined) return direct.trim();
  for (const [key, value] of Object.entries(node.attrs)) {
    if (key.toLowerCase() === name.toLowerCase()) return value.trim();
  }
  return null;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
