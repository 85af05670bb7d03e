// A streaming decoder for an HTTP/1.1 chunked body (RFC 9112 §7.1), for the stream benchmark's raw clients:
// through nginx a market stream arrives chunked (the node ends its body with the connection, nginx frames it
// for the reader), and a chunk header falling inside `event: update\nid: …` would hide that event's id.
// Chunk extensions are skipped; trailers are not expected (a stream never ends on its own).

const CR = 13;
const LF = 10;

/**
 * Returns `decode(bytes) → Buffer`: feed it the body's bytes as they are read (after the head), in order; it
 * returns the payload bytes those reads completed. Throws on a malformed size line.
 */
export function chunkedBodyDecoder() {
  // 'size': reading a size line; 'data': `remaining` payload bytes to go; 'end': the CRLF after a chunk's data;
  // 'done': the last (empty) chunk came.
  let state = 'size';
  let size = 0;
  let sawDigit = false;
  let inExtension = false;
  let remaining = 0;
  let endSeen = 0;
  return (bytes) => {
    const parts = [];
    let i = 0;
    while (i < bytes.length && state !== 'done') {
      if (state === 'data') {
        const take = Math.min(remaining, bytes.length - i);
        parts.push(bytes.subarray(i, i + take));
        i += take;
        remaining -= take;
        if (remaining === 0) {
          state = 'end';
          endSeen = 0;
        }
        continue;
      }
      const c = bytes[i++];
      if (state === 'end') {
        if (c !== (endSeen === 0 ? CR : LF)) throw new Error('chunked body: no CRLF after a chunk');
        endSeen += 1;
        if (endSeen === 2) {
          state = 'size';
          size = 0;
          sawDigit = false;
          inExtension = false;
        }
        continue;
      }
      // state === 'size'
      if (c === LF) {
        if (!sawDigit) throw new Error('chunked body: empty chunk size');
        if (size === 0) {
          state = 'done';
          continue;
        }
        state = 'data';
        remaining = size;
      } else if (c === CR || inExtension) {
        // the CR before LF, or an extension's bytes
      } else if (c === 59 /* ; */) {
        inExtension = true;
      } else {
        const digit = hexDigit(c);
        if (digit < 0) throw new Error(`chunked body: bad chunk size byte ${c}`);
        size = size * 16 + digit;
        sawDigit = true;
      }
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  };
}

function hexDigit(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
