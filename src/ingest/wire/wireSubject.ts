import type { WireSubject } from './wireItem.js';

/** IPTC vocabularies by URI, so a subject sent by URI and one sent by qcode compare equal (NewsML-G2 spec §9.1). */
const SCHEMES_BY_URI: readonly (readonly [string, string])[] = [
  ['cv.iptc.org/newscodes/mediatopic/', 'medtop'],
  ['cv.iptc.org/newscodes/subjectcode/', 'subj'],
  ['cv.iptc.org/newscodes/genre/', 'genre'],
];

function clean(text: string | null | undefined): string | null {
  const value = text?.replace(/\s+/g, ' ').trim() ?? '';
  return value === '' ? null : value;
}

/** A subject from a qcode (`medtop:04000000`), a URI, or a literal, with its name. */
export function wireSubject(
  from: { qcode?: string | null; uri?: string | null; literal?: string | null; scheme?: string | null },
  name: string | null | undefined,
): WireSubject {
  const qcode = clean(from.qcode);
  if (qcode !== null) {
    const colon = qcode.indexOf(':');
    if (colon > 0) return { scheme: qcode.slice(0, colon), code: qcode.slice(colon + 1), name: clean(name) };
    return { scheme: clean(from.scheme), code: qcode, name: clean(name) };
  }
  const uri = clean(from.uri);
  if (uri !== null) {
    const bare = uri.replace(/^https?:\/\//, '');
    for (const [prefix, scheme] of SCHEMES_BY_URI) {
      if (bare.startsWith(prefix) && bare.length > prefix.length) {
        return { scheme, code: bare.slice(prefix.length), name: clean(name) };
      }
    }
    return { scheme: clean(from.scheme), code: uri, name: clean(name) };
  }
  return { scheme: clean(from.scheme), code: clean(from.literal), name: clean(name) };
}
