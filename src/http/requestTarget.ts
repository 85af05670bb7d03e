import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { apiErrorBody } from './apiError.js';
import { SECURITY_HEADERS } from './securityHeaders.js';

/**
 * The longest request target (path and query, as sent) the site takes, in
 * bytes: 8 KiB, what common servers and CDNs take, and far past any address
 * the site makes (a search with its filters is a few hundred bytes). Longer
 * ones are answered 414 (RFC 9110 §15.5.15) before routing.
 * deploy/nginx/broadsheet.conf passes every target up to this length and
 * answers 414 itself above it; docs/deploy.md.
 */
export const MAX_REQUEST_TARGET_BYTES = 8 * 1024;

const MESSAGE = `This address is longer than the ${MAX_REQUEST_TARGET_BYTES.toLocaleString('en-GB')} characters the site takes. Shorten it (a search takes a few words), or start again from the home page.`;

/** Answers 414 for a request whose target is over the limit, before any routing; false when it is not. */
export function refuseLongTarget(request: IncomingMessage, response: ServerResponse): boolean {
  // Node reads the target byte for byte (latin1), so its length is the bytes sent.
  const target = request.url ?? '';
  if (target.length <= MAX_REQUEST_TARGET_BYTES) return false;
  const { type, body } = uriTooLong(target);
  // The body the client may still send is not worth reading: the connection ends with this answer.
  response.writeHead(414, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    connection: 'close',
  });
  response.end(body);
  return true;
}

/** A client error Node's parser raised before there was a request (`clientError`), with the bytes it was reading. */
export interface ParserError extends Error {
  readonly code?: string | undefined;
  /** A Buffer at run time (Fastify's types say the JSON form of one). */
  readonly rawPacket?: unknown;
}

/**
 * Fastify's `clientErrorHandler`: what Fastify answers (408 for a slow
 * request, 431 for a head over Node's 16 KB, 400 otherwise), except that a
 * head that overflowed because its request line did is a 414 like a shorter
 * long target, not "Request Header Fields Too Large". The line is seen in the
 * bytes the parser was reading when it gave up: a request line over the
 * limit there is the cause (one read holds the start of a request as a
 * client or a proxy sends it).
 */
export function answerClientError(error: ParserError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const longLine = error.code === 'HPE_HEADER_OVERFLOW' ? overlongRequestLine(error.rawPacket) : null;
  let status: number;
  let type = 'application/json';
  let body: string;
  if (longLine !== null) {
    status = 414;
    ({ type, body } = uriTooLong(longLine));
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    body = JSON.stringify(apiErrorBody(408, 'The request was not sent in time.'));
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    body = JSON.stringify(apiErrorBody(431, 'The request headers are larger than the 16 KB the site takes.'));
  } else {
    status = 400;
    body = JSON.stringify(apiErrorBody(400, 'The request could not be read.'));
  }
  if (socket.writable) {
    const head = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      `Content-Type: ${type}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
      'Connection: close',
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/** The start of the request target when `packet` opens with a request line longer than the limit, else null. */
function overlongRequestLine(packet: unknown): string | null {
  if (!Buffer.isBuffer(packet)) return null;
  const start = /^[A-Z]{3,10} (\S{1,16})/.exec(packet.subarray(0, 32).toString('latin1'));
  if (start === null) return null;
  const end = packet.indexOf('\r\n');
  const lineLength = end === -1 ? packet.length : end;
  return lineLength > MAX_REQUEST_TARGET_BYTES ? (start[1] ?? '') : null;
}

/** The 414 answer: JSON for the API, else a small page (the site's chrome is not drawn for an address it refuses). */
function uriTooLong(target: string): { type: string; body: string } {
  if (target.startsWith('/api/')) {
    return { type: 'application/json; charset=utf-8', body: JSON.stringify(apiErrorBody(414, MESSAGE)) };
  }
  const body = [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Address too long — Broadsheet</title></head>',
    '<body><main><h1>Address too long</h1>',
    `<p>${MESSAGE.replace('start again from the home page', 'start again from <a href="/">the home page</a>')}</p>`,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
  return { type: 'text/html; charset=utf-8', body };
}
