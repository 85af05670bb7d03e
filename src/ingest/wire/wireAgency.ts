/**
 * The agency an item came from, in the newsroom's own spelling when it is
 * one the paper carries (DESIGN.md: AFP, Reuters, APP), else as the file
 * names its provider.
 */
const KNOWN: readonly (readonly [RegExp, string])[] = [
  [/\bafp\b|agence france[- ]presse/i, 'AFP'],
  [/reuters/i, 'Reuters'],
  [/\bapp\b|associated press of pakistan/i, 'APP'],
  [/^ap$|\bassociated press\b/i, 'AP'],
];

export function agencyName(...candidates: readonly (string | null | undefined)[]): string | null {
  const given = candidates
    .map((candidate) => candidate?.replace(/\s+/g, ' ').trim() ?? '')
    .filter((text) => text !== '');
  for (const text of given) {
    for (const [pattern, name] of KNOWN) if (pattern.test(text.replace(/[._:/-]/g, ' '))) return name;
  }
  return given[0] ?? null;
}

/**
 * A known agency named anywhere in an id such as `urn:newsml:afp.com:…`, for
 * files that name their provider only there; null when none is.
 */
export function knownAgencyIn(text: string | null): string | null {
  if (text === null) return null;
  const words = text.replace(/[._:/-]/g, ' ');
  for (const [pattern, name] of KNOWN) if (pattern.test(words)) return name;
  return null;
}

/** The code part of a qcode (`nprov:REUTERS` → `REUTERS`). */
export function qcodeCode(qcode: string | null): string | null {
  if (qcode === null) return null;
  const colon = qcode.indexOf(':');
  const code = colon < 0 ? qcode : qcode.slice(colon + 1);
  return code.trim() === '' ? null : code.trim();
}

/** The host of a URI-shaped id, used as the provider when nothing better is named. */
export function uriHost(uri: string | null): string | null {
  if (uri === null) return null;
  try {
    const host = new URL(uri).hostname;
    return host === '' ? null : host.replace(/^www\./, '');
  } catch {
    return null;
  }
}
