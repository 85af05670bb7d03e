/**
 * Turns a wire file's bytes into text. JSON and undeclared XML must be
 * UTF-8 (RFC 8259 §8.1, XML 1.0 §4.3.3); XML may declare another encoding.
 * Invalid bytes are refused rather than replaced, so a broken file never
 * reaches the newsroom with U+FFFD scattered through it.
 */
export type WireTextResult =
  | { readonly ok: true; readonly text: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string };

const SINGLE_BYTE = new Set([
  'iso-8859-1',
  'latin1',
  'latin-1',
  'iso8859-1',
  'windows-1252',
  'cp1252',
  'us-ascii',
  'ascii',
]);

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** The `encoding` of an XML declaration, read from the ASCII prolog. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

export function decodeWireBytes(bytes: Uint8Array): WireTextResult {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    try {
      const label = bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le';
      return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes), warnings: [] };
    } catch {
      return { ok: false, reason: 'The file is not valid UTF-16 although it starts with a UTF-16 byte-order mark.' };
    }
  }
  const declared = declaredEncoding(bytes);
  const asUtf8 = utf8(bytes);
  if (declared === null || declared === 'utf-8' || declared === 'utf8') {
    if (asUtf8 === null) return { ok: false, reason: 'The file is not valid UTF-8.' };
    return { ok: true, text: asUtf8, warnings: [] };
  }
  if (SINGLE_BYTE.has(declared)) {
    // Agencies often declare ISO-8859-1 and send UTF-8; bytes that are valid
    // UTF-8 with non-ASCII in them are almost never real Latin-1 text.
    if (asUtf8 !== null && bytes.some((byte) => byte >= 0x80)) {
      return {
        ok: true,
        text: asUtf8,
        warnings: [`The file declares ${declared} but is UTF-8; it was read as UTF-8.`],
      };
    }
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), warnings: [] };
  }
  if (declared === 'utf-16' || declared === 'utf-16le' || declared === 'utf-16be') {
    return { ok: false, reason: 'The file declares UTF-16 but has no byte-order mark.' };
  }
  return { ok: false, reason: `The file's encoding "${declared}" is not accepted: send UTF-8.` };
}
