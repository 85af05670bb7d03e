import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ListingReport, listingUpload } from '../../desk/market/listingUpload.js';
import { statusForRefusal } from '../../http/refusalStatus.js';
import type { Instrument } from '../../market/quotes/instrument.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { actorOf } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import { isUploadedFile, parseUploadForm, type UploadForm } from '../media/multipartUpload.js';
import type { Flash } from '../pages/AdminLayout.js';
import { type FormFields, readAmendmentForm, readListingForm } from './deskForms.js';
import { DESK_GUARD, type DeskRoutes, FormBody, formFields, NoticeQuery, pageBasics } from './deskRouteKit.js';
import { instrumentRows } from './deskViews.js';
import { amendmentFields, InstrumentEditPage } from './InstrumentEditPage.js';
import { InstrumentsPage } from './InstrumentsPage.js';
import { explainOversizeUploads, MAX_IMPORT_BYTES } from './importApiRoutes.js';

const NOTICES = {
  listed: 'Instrument listed: it is quoted from now on, untraded at its LDCP.',
  saved: 'Instrument saved.',
} as const satisfies Record<string, string>;

const SymbolParams = Type.Object({ symbol: Type.String({ maxLength: 16 }) });

/** `/admin/market/instruments`: list, add, edit, and load the listing file. */
export function registerInstrumentPageRoutes({ app, desk }: DeskRoutes): void {
  const renderList = (
    request: FastifyRequest,
    reply: FastifyReply,
    input: {
      form?: FormFields;
      problems?: readonly FieldProblem[];
      listingProblems?: readonly FieldProblem[];
      listingReport?: ListingReport;
      flash?: Flash;
      status?: number;
    } = {},
  ) =>
    sendAdminPage(
      reply,
      <InstrumentsPage
        {...pageBasics(request, reply, input.flash)}
        rows={instrumentRows(desk.market)}
        form={input.form ?? {}}
        problems={input.problems ?? []}
        listingProblems={input.listingProblems ?? []}
        {...(input.listingReport !== undefined ? { listingReport: input.listingReport } : {})}
      />,
      input.status ?? 200,
    );

  const renderEdit = (
    request: FastifyRequest,
    reply: FastifyReply,
    instrument: Instrument,
    input: { form?: FormFields; problems?: readonly FieldProblem[]; flash?: Flash; status?: number } = {},
  ) =>
    sendAdminPage(
      reply,
      <InstrumentEditPage
        {...pageBasics(request, reply, input.flash)}
        instrument={instrument}
        indices={desk.market
          .snapshot()
          .indices.map((index) => index.code)
          .filter((code) => desk.market.indexConstituents(code)?.some((c) => c.symbol === instrument.symbol))}
        form={input.form ?? amendmentFields(instrument)}
        problems={input.problems ?? []}
      />,
      input.status ?? 200,
    );

  app.get(
    '/admin/market/instruments',
    { ...DESK_GUARD, schema: { querystring: NoticeQuery } },
    async (request, reply) => {
      const flash = noticeFlash(NOTICES, request.query.notice);
      return renderList(request, reply, flash !== undefined ? { flash } : {});
    },
  );

  app.post('/admin/market/instruments', { ...DESK_GUARD, schema: { body: FormBody } }, async (request, reply) => {
    const form = formFields(request.body);
    const read = readListingForm(form);
    if (!read.ok) return renderList(request, reply, { form, problems: read.problems, status: 422 });
    const outcome = await desk.listInstrument(actorOf(request), read.value);
    if (!outcome.ok) return renderList(request, reply, { form, problems: outcome.problems, status: 422 });
    return reply.redirect(`/admin/market/instruments/${encodeURIComponent(outcome.value.symbol)}?notice=listed`, 303);
  });

  // The listing form in its own scope: only here is multipart/form-data parsed, and only here is the body this large.
  void app.register(async (scope) => {
    explainOversizeUploads(scope);
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      parseUploadForm,
    );
    scope.post('/admin/market/listing', { ...DESK_GUARD, bodyLimit: MAX_IMPORT_BYTES }, async (request, reply) => {
      const file = ((request.body ?? {}) as UploadForm).file;
      if (!isUploadedFile(file) || file.bytes.length === 0) {
        const listingProblems = [{ field: 'file', message: 'Choose a listing file to load.' }];
        return renderList(request, reply, { listingProblems, status: 422 });
      }
      const outcome = await listingUpload(desk, actorOf(request), file.bytes, file.filename || 'listing.csv');
      if (!outcome.ok) {
        return renderList(request, reply, {
          listingProblems: outcome.problems,
          status: statusForRefusal(outcome.reason),
        });
      }
      return renderList(request, reply, { listingReport: outcome.value });
    });
  });

  app.get(
    '/admin/market/instruments/:symbol',
    { ...DESK_GUARD, schema: { params: SymbolParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const instrument = desk.market.instrument(request.params.symbol);
      if (instrument === undefined)
        return sendAdminRefusal(reply, 'not-found', 'Not listed', `${request.params.symbol} is not listed.`);
      const flash = noticeFlash(NOTICES, request.query.notice);
      return renderEdit(request, reply, instrument, flash !== undefined ? { flash } : {});
    },
  );

  app.post(
    '/admin/market/instruments/:symbol',
    { ...DESK_GUARD, schema: { params: SymbolParams, body: FormBody } },
    async (request, reply) => {
      const instrument = desk.market.instrument(request.params.symbol);
      if (instrument === undefined)
        return sendAdminRefusal(reply, 'not-found', 'Not listed', `${request.params.symbol} is not listed.`);
      const form = formFields(request.body);
      const read = readAmendmentForm(form);
      if (!read.ok) return renderEdit(request, reply, instrument, { form, problems: read.problems, status: 422 });
      const outcome = await desk.amendInstrument(actorOf(request), instrument.symbol, read.value);
      if (!outcome.ok) return renderEdit(request, reply, instrument, { form, problems: outcome.problems, status: 422 });
      return reply.redirect(`/admin/market/instruments/${encodeURIComponent(instrument.symbol)}?notice=saved`, 303);
    },
  );
}
