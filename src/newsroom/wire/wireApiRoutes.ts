import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyError } from 'fastify';
import { ingestWireFile, MAX_WIRE_FILE_BYTES, tallyOutcomes } from '../../desk/wire/wireIngest.js';
import { sendApiError } from '../../http/apiError.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { sharedWireParserThread } from '../../ingest/wire/parseInThread.js';
import type { AdminContext } from '../http/adminContext.js';
import { actorOf, requirePermission } from '../http/guard.js';

/** What an agency file may be sent as: JSON (ninjs) or XML (NewsML-G2, NewsML 1.2, NITF, RSS, Atom). */
const WIRE_TYPES = /^(application\/(json|xml|[a-z0-9.+-]+\+(json|xml))|text\/xml)$/;

const WireQuery = Type.Object({
  /** The file's name, for the report (the content decides the format). */
  name: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9 ._()-]+$' })),
});

/**
 * `POST /api/v1/wire`: one agency file as the body, from a token (or person)
 * with `wire.ingest`. Answers 200 with every item's outcome, a file that
 * could not be read included (its one line says why); 413 past the size limit
 * before the body is read in full; 415 for a type that is neither JSON nor XML.
 */
export function registerWireApiRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // The bytes as sent: the parser decides the encoding, so a wrongly encoded file is refused with a reason.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_WIRE_FILE_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler(async (error: FastifyError, request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
        return sendApiError(
          reply,
          413,
          `An agency file may be at most ${MAX_WIRE_FILE_BYTES} bytes; nothing was stored.`,
        );
      }
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return sendApiError(reply, error.statusCode, error.message);
      }
      request.log.error({ err: error }, 'wire ingest failed');
      return sendApiError(reply, 503, 'The wire inbox could not store this file; nothing was stored. Send it again.');
    });
    scope.post(
      '/api/v1/wire',
      {
        onRequest: requirePermission('wire.ingest'),
        bodyLimit: MAX_WIRE_FILE_BYTES,
        schema: { querystring: WireQuery },
      },
      async (request, reply) => {
        const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        if (!WIRE_TYPES.test(type)) {
          return sendApiError(reply, 415, 'Send the agency file as application/json or application/xml (or text/xml).');
        }
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const file = request.query.name ?? 'upload';
        // Read off the main thread: a hostile file near the limit must not hold every other request.
        const reader = sharedWireParserThread();
        const items = await ingestWireFile(
          { wire: ctx.wire, parse: (bytes, name) => reader.parse(bytes, name), now: ctx.now },
          body,
          file,
        );
        const counts = tallyOutcomes(items);
        const actor = actorOf(request);
        await ctx.audit.record({
          at: ctx.now(),
          actor,
          action: 'wire.ingest',
          subject: { type: 'wire', id: file },
          details: { ...counts },
        });
        return reply.code(200).header('cache-control', 'no-store').send({ counts, items });
      },
    );
  });
}
