import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { UnreadableFileError } from '../../ingest/archiveBytes.js';
import { importReport, parseImportBytes } from '../../ingest/marketImport.js';
import { sendApiError } from '../../web/http/apiError.js';
import { actorOf } from '../http/guard.js';
import { DESK_GUARD, type DeskRoutes } from './deskRouteKit.js';
import { sendDeskRefusal } from './instrumentApiRoutes.js';

// A closing file of every listed company is about 100 KB; a zipped one less. Ten years of daily history is ~200 KB.
const MAX_FILE_BYTES = 8 * 1024 * 1024;

const ImportQuery = Type.Object({
  /** The file's name, for the report and the audit log (and, for a history CSV, the symbol it may start with). */
  name: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9 ._()-]+$' })),
  format: Type.Optional(Type.Union([Type.Literal('closing'), Type.Literal('csv')])),
  symbol: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,15}$' })),
});

/**
 * `POST /api/v1/admin/market/imports`: the same files `broadsheet market
 * import` reads (a closing file, plain, ZIP or gzip; a daily history CSV),
 * sent as the request body to the running server. A closing file moves the
 * live market at once, through the recorder; the answer is the import report.
 */
export function registerImportApiRoutes({ app, desk }: DeskRoutes): void {
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // The body is the file's bytes, whatever its type says: latin-1 text, ZIP or gzip are never decoded here.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/admin/market/imports',
      { ...DESK_GUARD, bodyLimit: MAX_FILE_BYTES, schema: { querystring: ImportQuery } },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          return sendApiError(reply, 400, 'Send the file as the request body.');
        }
        const { name = 'upload', format, symbol } = request.query;
        let parsed: ReturnType<typeof parseImportBytes>;
        try {
          parsed = parseImportBytes(body, {
            path: name,
            ...(format === undefined ? {} : { format }),
            ...(symbol === undefined ? {} : { symbol: symbol.toUpperCase() }),
          });
        } catch (error) {
          if (error instanceof UnreadableFileError) return sendApiError(reply, 400, error.message);
          throw error;
        }
        const actor = actorOf(request);
        const outcome =
          parsed.format === 'closing'
            ? await desk.importClosingFile(actor, parsed.file.name, parsed.closing)
            : await desk.importHistory(actor, parsed.file.name, parsed.history);
        if (!outcome.ok) return sendDeskRefusal(reply, outcome.status, outcome.problems);
        return reply.code(200).header('cache-control', 'no-store').send(importReport(parsed));
      },
    );
  });
}
