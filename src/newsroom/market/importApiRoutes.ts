import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance } from 'fastify';
import { listingUpload } from '../../desk/market/listingUpload.js';
import type { MarketDesk } from '../../desk/market/marketDesk.js';
import { sentence } from '../../desk/market/sentence.js';
import { sendApiError } from '../../http/apiError.js';
import { sendApiRefusal, statusForRefusal } from '../../http/refusalStatus.js';
import { FileTooLargeError, MAX_IMPORT_BYTES, UnreadableFileError } from '../../ingest/archiveBytes.js';
import {
  type ImportFormat,
  type ImportReport,
  importReport,
  type ParsedImport,
  parseImportBytes,
} from '../../ingest/marketImport.js';
import { isSymbol } from '../../market/quotes/instrument.js';
import type { Actor } from '../../news/roles.js';
import { type FieldProblem, type Refusal, refusalOfProblems } from '../../shared/outcome.js';
import { actorOf } from '../http/guard.js';
import { DESK_GUARD, type DeskRoutes } from './deskRouteKit.js';

export { MAX_IMPORT_BYTES };

// How many of a refused file's rows a refusal names; the report of a taken file lists up to MAX_LISTED_PROBLEMS.
const ROWS_NAMED_IN_REFUSAL = 10;

// isSymbol's rule, in either case (a history CSV's symbol is upper-cased when it is read).
const SYMBOL = /^[A-Za-z0-9][A-Za-z0-9.-]{0,15}$/;

const ImportQuery = Type.Object({
  /** The file's name, for the report and the audit log (and, for a history CSV, the symbol it may start with). */
  name: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9 ._()-]+$' })),
  format: Type.Optional(Type.Union([Type.Literal('closing'), Type.Literal('csv')])),
  symbol: Type.Optional(Type.String({ pattern: SYMBOL.source })),
  /** Lay a closing file of a day before the live one over the live market all the same. */
  force: Type.Optional(Type.Boolean()),
});

const ListingQuery = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9 ._()-]+$' })),
});

/**
 * The report, or why nothing was imported: `malformed` unreadable or damaged,
 * `conflict` a closing file of an older day, `too-large` unpacks too large,
 * `invalid` nothing to take.
 */
export type ImportOutcome = { readonly ok: true; readonly report: ImportReport } | Refusal;

/**
 * One uploaded file, from the JSON API or the desk's form: parsed like
 * `broadsheet market import` parses a file, then taken by the desk (a closing
 * file moves the live market through the recorder; a history CSV adds bars).
 */
export async function importUpload(
  desk: MarketDesk,
  actor: Actor,
  bytes: Buffer,
  options: {
    readonly name: string;
    readonly format?: ImportFormat;
    readonly symbol?: string;
    readonly force?: boolean;
  },
): Promise<ImportOutcome> {
  if (bytes.length === 0) return refusalOfProblems('malformed', [{ field: 'file', message: 'Choose a file.' }]);
  if (options.symbol !== undefined && !isSymbol(options.symbol.toUpperCase())) {
    return refusalOfProblems('invalid', [{ field: 'symbol', message: 'A symbol is letters and digits.' }]);
  }
  let parsed: ParsedImport;
  try {
    parsed = await parseImportBytes(bytes, {
      path: options.name,
      ...(options.format === undefined ? {} : { format: options.format }),
      ...(options.symbol === undefined ? {} : { symbol: options.symbol.toUpperCase() }),
    });
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const reason = error instanceof FileTooLargeError ? 'too-large' : 'malformed';
    return refusalOfProblems(reason, [{ field: 'file', message: sentence(error.message) }]);
  }
  const report = importReport(parsed);
  if (report.accepted === 0) return refusalOfProblems('invalid', nothingTaken(report));
  const outcome =
    parsed.format === 'closing'
      ? await desk.importClosingFile(actor, parsed.file.name, parsed.closing, { force: options.force === true })
      : await desk.importHistory(actor, parsed.file.name, parsed.history);
  return outcome.ok ? { ok: true, report } : outcome;
}

/** Why a file gave no row to take: how many rows were left out, and the first few of them. */
function nothingTaken(report: ImportReport): FieldProblem[] {
  const skipped = report.skippedCount;
  const left = [...report.skipped, ...report.rejected].sort((a, b) => a.line - b.line).slice(0, ROWS_NAMED_IN_REFUSAL);
  const counts = [
    report.rejectedCount > 0 ? `${report.rejectedCount} rejected` : null,
    skipped > 0 ? `${skipped} skipped` : null,
  ].filter((part) => part !== null);
  const first = left.length < report.rejectedCount + skipped ? ` (the first ${left.length} follow)` : '';
  return [
    {
      field: 'file',
      message: `The file holds no row an import can take${counts.length > 0 ? `: ${counts.join(', ')}${first}` : ''}.`,
    },
    ...left.map((row) => ({ field: 'file', message: `Line ${row.line}: ${row.reason}.` })),
  ];
}

/**
 * Gives an upload over MAX_IMPORT_BYTES (refused while the body is read,
 * before any route code runs) a message that says what to do; the admin
 * error handler then answers it as any other 4xx, page or JSON.
 */
export function explainOversizeUploads(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError) => {
    if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
    throw Object.assign(
      new Error(
        `the file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, far more than a closing file or a history CSV; nothing was imported`,
      ),
      { statusCode: 413 },
    );
  });
}

/**
 * `POST /api/v1/admin/market/imports`: the same files `broadsheet market
 * import` reads (a closing file, plain, ZIP or gzip; a daily history CSV),
 * sent as the request body to the running server. The answer is the import report.
 * `POST /api/v1/admin/market/listing` takes the paper's listing file the same way.
 */
export function registerImportApiRoutes({ app, desk }: DeskRoutes): void {
  app.register(async (plain) => {
    explainOversizeUploads(plain);
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // The body is the file's bytes, whatever its type says: latin-1 text, ZIP or gzip are never decoded here.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/admin/market/listing',
      { ...DESK_GUARD, bodyLimit: MAX_IMPORT_BYTES, schema: { querystring: ListingQuery } },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const outcome = await listingUpload(desk, actorOf(request), body, request.query.name ?? 'listing.csv');
        if (!outcome.ok) {
          return outcome.reason === 'malformed'
            ? sendApiRefusal(reply, { ...outcome, problems: [] })
            : sendApiError(reply, statusForRefusal(outcome.reason), outcome.message, outcome.problems);
        }
        return reply.code(200).header('cache-control', 'no-store').send(outcome.value);
      },
    );
    scope.post(
      '/api/v1/admin/market/imports',
      { ...DESK_GUARD, bodyLimit: MAX_IMPORT_BYTES, schema: { querystring: ImportQuery } },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const { name = 'upload', format, symbol, force } = request.query;
        const outcome = await importUpload(desk, actorOf(request), body, {
          name,
          ...(format === undefined ? {} : { format }),
          ...(symbol === undefined ? {} : { symbol }),
          ...(force === undefined ? {} : { force }),
        });
        if (outcome.ok) return reply.code(200).header('cache-control', 'no-store').send(outcome.report);
        const { message, problems } = outcome;
        switch (outcome.reason) {
          case 'malformed':
          case 'too-large':
            // The file as a whole could not be read: its problem is the message.
            return sendApiRefusal(reply, { ...outcome, problems: [] });
          case 'conflict':
            return sendApiRefusal(reply, {
              ...outcome,
              message: `${message} Send it again with force=true to lay it over the live market all the same.`,
            });
          default:
            return sendApiError(reply, statusForRefusal(outcome.reason), message, problems);
        }
      },
    );
  });
}
