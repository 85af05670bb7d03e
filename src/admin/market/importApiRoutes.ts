import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { UnreadableFileError } from '../../ingest/archiveBytes.js';
import { type ImportFormat, type ImportReport, importReport, parseImportBytes } from '../../ingest/marketImport.js';
import { isSymbol } from '../../market/instrument.js';
import { sendApiError } from '../../web/http/apiError.js';
import { actorOf } from '../http/guard.js';
import type { Actor } from '../roles.js';
import { sentence } from './deskFormat.js';
import type { DeskProblem } from './deskInput.js';
import { DESK_GUARD, type DeskRoutes } from './deskRouteKit.js';
import { sendDeskRefusal } from './instrumentApiRoutes.js';
import type { MarketDesk } from './marketDesk.js';

// A closing file of every listed company is about 100 KB; a zipped one less. Ten years of daily history is ~200 KB.
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

// isSymbol's rule, in either case (a history CSV's symbol is upper-cased when it is read).
const SYMBOL = /^[A-Za-z0-9][A-Za-z0-9.-]{0,15}$/;

const ImportQuery = Type.Object({
  /** The file's name, for the report and the audit log (and, for a history CSV, the symbol it may start with). */
  name: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9 ._()-]+$' })),
  format: Type.Optional(Type.Union([Type.Literal('closing'), Type.Literal('csv')])),
  symbol: Type.Optional(Type.String({ pattern: SYMBOL.source })),
});

export type ImportOutcome =
  | { readonly ok: true; readonly report: ImportReport }
  | { readonly ok: false; readonly status: 400 | 404 | 422; readonly problems: readonly DeskProblem[] };

/**
 * One uploaded file, from the JSON API or the desk's form: parsed like
 * `broadsheet market import` parses a file, then taken by the desk (a closing
 * file moves the live market through the recorder; a history CSV adds bars).
 */
export async function importUpload(
  desk: MarketDesk,
  actor: Actor,
  bytes: Buffer,
  options: { readonly name: string; readonly format?: ImportFormat; readonly symbol?: string },
): Promise<ImportOutcome> {
  if (bytes.length === 0) return { ok: false, status: 400, problems: [{ field: 'file', message: 'Choose a file.' }] };
  if (options.symbol !== undefined && !isSymbol(options.symbol.toUpperCase())) {
    return { ok: false, status: 422, problems: [{ field: 'symbol', message: 'A symbol is letters and digits.' }] };
  }
  let parsed: ReturnType<typeof parseImportBytes>;
  try {
    parsed = parseImportBytes(bytes, {
      path: options.name,
      ...(options.format === undefined ? {} : { format: options.format }),
      ...(options.symbol === undefined ? {} : { symbol: options.symbol.toUpperCase() }),
    });
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return { ok: false, status: 400, problems: [{ field: 'file', message: sentence(error.message) }] };
  }
  const outcome =
    parsed.format === 'closing'
      ? await desk.importClosingFile(actor, parsed.file.name, parsed.closing)
      : await desk.importHistory(actor, parsed.file.name, parsed.history);
  return outcome.ok ? { ok: true, report: importReport(parsed) } : outcome;
}

/**
 * `POST /api/v1/admin/market/imports`: the same files `broadsheet market
 * import` reads (a closing file, plain, ZIP or gzip; a daily history CSV),
 * sent as the request body to the running server. The answer is the import report.
 */
export function registerImportApiRoutes({ app, desk }: DeskRoutes): void {
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // The body is the file's bytes, whatever its type says: latin-1 text, ZIP or gzip are never decoded here.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/admin/market/imports',
      { ...DESK_GUARD, bodyLimit: MAX_IMPORT_BYTES, schema: { querystring: ImportQuery } },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const { name = 'upload', format, symbol } = request.query;
        const outcome = await importUpload(desk, actorOf(request), body, {
          name,
          ...(format === undefined ? {} : { format }),
          ...(symbol === undefined ? {} : { symbol }),
        });
        if (outcome.ok) return reply.code(200).header('cache-control', 'no-store').send(outcome.report);
        if (outcome.status === 400) {
          return sendApiError(reply, 400, outcome.problems.map((p) => p.message).join(' '));
        }
        return sendDeskRefusal(reply, outcome.status, outcome.problems);
      },
    );
  });
}
