import type { WireSubject } from './wireItem.js';
import { wireSubject } from './wireSubject.js';
import { attr, childElements, collapse, textOf } from './xmlQuery.js';
import type { XmlElement } from './xmlTree.js';

/**
 * A concept's name in the item's language when given in several
 * (NewsML-G2 spec §8.2: `name` repeats per xml:lang), else the first.
 */
export function conceptName(concept: XmlElement, language: string | null): string | null {
  const names = childElements(concept, 'name');
  const base = language?.toLowerCase().split('-')[0] ?? 'en';
  const chosen =
    names.find((name) => attr(name, 'xml:lang')?.toLowerCase() === language?.toLowerCase()) ??
    names.find((name) => attr(name, 'xml:lang')?.toLowerCase().split('-')[0] === base) ??
    names.find((name) => attr(name, 'xml:lang') === null) ??
    names[0];
  const text = chosen === undefined ? '' : textOf(chosen);
  return text === '' ? null : text;
}

/** Names given once in `assert` elements for qcodes used without a name (NewsML-G2 spec §13.1). */
export function assertedNames(item: XmlElement, language: string | null): Map<string, string> {
  const names = new Map<string, string>();
  for (const assert of childElements(item, 'assert')) {
    const key = attr(assert, 'qcode') ?? attr(assert, 'uri') ?? attr(assert, 'literal');
    const name = conceptName(assert, language);
    if (key !== null && name !== null) names.set(key, name);
  }
  return names;
}

function conceptSubject(concept: XmlElement, language: string | null, asserted: Map<string, string>): WireSubject {
  const qcode = attr(concept, 'qcode');
  const uri = attr(concept, 'uri');
  const literal = attr(concept, 'literal');
  const key = qcode ?? uri ?? literal;
  const name = conceptName(concept, language) ?? (key === null ? null : (asserted.get(key) ?? null));
  return wireSubject({ qcode, uri, literal }, name);
}

/** Subjects of a contentMeta: plain concepts, and faceted ones as their main concept plus each facet. */
export function g2Subjects(
  contentMeta: XmlElement | null,
  language: string | null,
  asserted: Map<string, string>,
): WireSubject[] {
  const found: WireSubject[] = [];
  for (const subject of childElements(contentMeta, 'subject')) {
    const main = childElements(subject, 'mainConcept')[0];
    if (main === undefined) {
      found.push(conceptSubject(subject, language, asserted));
      continue;
    }
    found.push(conceptSubject(main, language, asserted));
    for (const facet of childElements(subject, 'facetConcept')) found.push(conceptSubject(facet, language, asserted));
  }
  return found;
}

/** A by-line written as a sentence (`By Meredith Jameson`) reduced to the name. */
export function byName(text: string): string {
  return collapse(text)
    .replace(/^by\s+/i, '')
    .trim();
}
