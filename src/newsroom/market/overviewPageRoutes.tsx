import type { FastifyReply, FastifyRequest } from 'fastify';
import { statusForRefusal } from '../../http/refusalStatus.js';
import type { ImportReport } from '../../ingest/marketImport.js';
import type { EndOfDay } from '../../market/endOfDay/closingRules.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { sendAdminPage } from '../http/adminPages.js';
import { actorOf } from '../http/guard.js';
import { isUploadedFile, parseUploadForm, type UploadForm } from '../media/multipartUpload.js';
import { FieldReader } from './deskInput.js';
import { DESK_GUARD, type DeskRoutes, FormBody, formFields, pageBasics } from './deskRouteKit.js';
import { statusNow } from './deskViews.js';
import { explainOversizeUploads, importUpload, MAX_IMPORT_BYTES } from './importApiRoutes.js';
import { MarketOverviewPage, OLDER_DAY_LABEL } from './MarketOverviewPage.js';

/** `/admin/market` and the end-of-day close. */
export function registerOverviewPageRoutes({ app, ctx, desk }: DeskRoutes): void {
  const render = (
    request: FastifyRequest,
    reply: FastifyReply,
    input: {
      problems?: readonly FieldProblem[];
      closeDate?: string;
      closed?: EndOfDay;
      importProblems?: readonly FieldProblem[];
      imported?: ImportReport;
      status?: number;
    } = {},
  ) => {
    const { market } = desk;
    return sendAdminPage(
      reply,
      <MarketOverviewPage
        {...pageBasics(request, reply)}
        status={statusNow(market, ctx.now())}
        today={desk.today()}
        lastClosed={market.lastClosedDate}
        instruments={market.symbols().length}
        indices={market.snapshot().indices.length}
        pendingActions={market.pendingCorporateActions().length}
        pendingRecompositions={market.scheduledRecompositions().length}
        closeDate={input.closeDate ?? desk.today()}
        problems={input.problems ?? []}
        {...(input.closed !== undefined ? { closed: input.closed } : {})}
        importProblems={input.importProblems ?? []}
        {...(input.imported !== undefined ? { imported: input.imported } : {})}
      />,
      input.status ?? 200,
    );
  };

  app.get('/admin/market', DESK_GUARD, async (request, reply) => render(request, reply));

  app.post('/admin/market/close-day', { ...DESK_GUARD, schema: { body: FormBody } }, async (request, reply) => {
    const fields = formFields(request.body);
    const read = new FieldReader(fields);
    const date = read.date('date', 'Trading date');
    if (fields.confirm !== 'yes') read.fail('confirm', 'Tick the box to confirm the day’s trading is over.');
    if (date === undefined || read.problems.length > 0) {
      return render(request, reply, { problems: read.problems, closeDate: fields.date ?? '', status: 422 });
    }
    const outcome = await desk.closeDay(actorOf(request), date);
    if (!outcome.ok) return render(request, reply, { problems: outcome.problems, closeDate: date, status: 422 });
    return render(request, reply, { closed: outcome.value });
  });

  // The import form in its own scope: only here is multipart/form-data parsed, and only here is the body this large.
  void app.register(async (scope) => {
    explainOversizeUploads(scope);
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      parseUploadForm,
    );
    scope.post('/admin/market/imports', { ...DESK_GUARD, bodyLimit: MAX_IMPORT_BYTES }, async (request, reply) => {
      const form = (request.body ?? {}) as UploadForm;
      const file = form.file;
      const text = (name: string) => {
        const value = form[name];
        return typeof value === 'string' ? value.trim() : '';
      };
      const format = text('format');
      const symbol = text('symbol');
      const force = text('force') === 'yes';
      if (!isUploadedFile(file) || file.bytes.length === 0) {
        const problems = [{ field: 'file', message: 'Choose a file to import.' }];
        return render(request, reply, { importProblems: problems, status: 422 });
      }
      const outcome = await importUpload(desk, actorOf(request), file.bytes, {
        name: file.filename || 'upload',
        ...(format === 'closing' || format === 'csv' ? { format } : {}),
        ...(symbol === '' ? {} : { symbol }),
        force,
      });
      if (!outcome.ok) {
        // A browser cannot keep the chosen file in the form it shows again, so the message says to choose it again.
        const problems =
          outcome.reason === 'conflict'
            ? outcome.problems.map((p) => ({
                ...p,
                message: `${p.message} To import it all the same, choose the file again and tick “${OLDER_DAY_LABEL}”.`,
              }))
            : outcome.problems;
        return render(request, reply, { importProblems: problems, status: statusForRefusal(outcome.reason) });
      }
      return render(request, reply, { imported: outcome.report });
    });
  });
}
