import type { FastifyInstance } from 'fastify';

/** The error code of a body sent with a content coding the server does not undo. */
export const UNSUPPORTED_CONTENT_ENCODING = 'BS_UNSUPPORTED_CONTENT_ENCODING';

/**
 * `true` when a request announces a content coding other than `identity`
 * (RFC 9110 §8.4): its body is not what the parsers would read.
 */
export function hasContentCoding(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  const codings = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '');
  return codings.some((coding) => coding !== 'identity');
}

/**
 * No route undoes a compressed request body, and the parsers would read the
 * packed bytes as the body itself: a gzip "form" parses into junk fields
 * that a lenient route drops, so a request whose body nobody could read went
 * on to act (close the market day, clear a story's picture). Such a body is
 * refused with 415 before it is read (RFC 7694 §3: the answer names the one
 * coding taken, `identity`). A closing file packed as ZIP or gzip is not a
 * content coding: it travels as the file's own bytes, unannounced.
 */
export function refuseContentCodings(app: FastifyInstance): void {
  // preParsing: after every onRequest hook (cookies, sign-in, a route's guard, so error pages have what they need),
  // before a byte of the body is read.
  app.addHook('preParsing', (request, reply, payload, done) => {
    const bodiless = request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
    if (bodiless || !hasContentCoding(request.headers['content-encoding'])) {
      done(null, payload);
      return;
    }
    reply.header('accept-encoding', 'identity');
    done(
      Object.assign(
        new Error('A compressed body (Content-Encoding) is not taken; send it uncompressed. Nothing was changed.'),
        { statusCode: 415, code: UNSUPPORTED_CONTENT_ENCODING },
      ),
    );
  });
}
