import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';

/**
 * JSON bodies must be UTF-8 (RFC 8259 §8.1). Fastify's own parser decodes
 * stray bytes into U+FFFD and carries on, so a name or a comment would be
 * stored with characters the sender never typed; here such a body is a 400
 * and changes nothing. What remains is Fastify's parser, which refuses
 * `__proto__` and `constructor.prototype` keys.
 */
export function useStrictJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(Object.assign(new Error('The body is not valid UTF-8.'), { statusCode: 400 }), undefined);
      return;
    }
    parseJson(request, bytes.toString('utf8'), done);
  });
}
