import { STREAM_HEADERS } from './sseFrames.js';

/** Every header of a stream response but Date, as `name: value\r\n` lines: the site's headers, then the stream's. */
export function streamFixedHead(extraHeaders: Readonly<Record<string, string>>): string {
  return Object.entries({ ...extraHeaders, ...STREAM_HEADERS })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
}

let cachedSecond = -1;
let cachedFixed = '';
let cachedHead = Buffer.alloc(0);

/**
 * The status line and headers of a stream taken over from Node's HTTP server.
 * The body ends with the connection (no chunk framing), so every frame can be
 * written to the socket as it is. Rebuilt once a second, for the Date header.
 */
export function streamResponseHead(fixedHead: string, nowMs: number): Buffer {
  const second = Math.floor(nowMs / 1000);
  if (second !== cachedSecond || fixedHead !== cachedFixed) {
    cachedSecond = second;
    cachedFixed = fixedHead;
    const date = new Date(second * 1000).toUTCString();
    cachedHead = Buffer.from(`HTTP/1.1 200 OK\r\n${fixedHead}date: ${date}\r\nconnection: close\r\n\r\n`);
  }
  return cachedHead;
}
