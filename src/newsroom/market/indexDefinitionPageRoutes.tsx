import { Type } from '@sinclair/typebox';
import { statusForRefusal } from '../../http/refusalStatus.js';
import { actorOf } from '../http/guard.js';
import { isUploadedFile, parseUploadForm, type UploadForm } from '../media/multipartUpload.js';
import { DESK_GUARD, type DeskRoutes, FormBody, formFields } from './deskRouteKit.js';
import { explainOversizeUploads, importUpload, MAX_IMPORT_BYTES } from './importApiRoutes.js';
import { MEMBERS_TEXT_MAX, readConstituentsForm, readIndexDefinitionForm } from './indexDefinitionForm.js';
import { indexPages } from './indexPageRender.js';

const CodeParams = Type.Object({ code: Type.String({ maxLength: 20 }) });

/** A form with a members box: the box may be far longer than a desk form's other fields. */
const MembersFormBody = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: MEMBERS_TEXT_MAX }));

const indexPath = (code: string) => `/admin/market/indices/${encodeURIComponent(code)}`;

/**
 * Indices from scratch, as the JSON API and `broadsheet market index` define
 * them: the "Define an index" form, withdrawal (asked, then confirmed), new
 * constituents for one index, and its daily history uploaded as a CSV.
 */
export function registerIndexDefinitionPageRoutes({ app, ctx, desk }: DeskRoutes): void {
  const pages = indexPages(desk, ctx.marketStore);

  app.post('/admin/market/indices', { ...DESK_GUARD, schema: { body: MembersFormBody } }, async (request, reply) => {
    const form = formFields(request.body);
    const read = readIndexDefinitionForm(form);
    if (!read.ok) return pages.list(request, reply, { form, problems: read.problems, status: 422 });
    const outcome = await desk.defineIndex(actorOf(request), read.value.spec, read.value.members);
    if (!outcome.ok) {
      return pages.list(request, reply, { form, problems: outcome.problems, status: statusForRefusal(outcome.reason) });
    }
    return reply.redirect(
      `${indexPath(outcome.value.code)}?notice=${outcome.value.computed ? 'defined' : 'published'}`,
      303,
    );
  });

  app.post(
    '/admin/market/indices/:code/withdraw',
    { ...DESK_GUARD, schema: { params: CodeParams, body: FormBody } },
    async (request, reply) => {
      const definition = desk.indexDefinition(request.params.code);
      if (definition === undefined) return pages.noSuchIndex(reply, request.params.code);
      if (formFields(request.body).confirm !== 'yes') return pages.list(request, reply, { withdrawing: definition });
      const outcome = await desk.withdrawIndex(actorOf(request), definition.code);
      if (!outcome.ok) {
        return pages.list(request, reply, { problems: outcome.problems, status: statusForRefusal(outcome.reason) });
      }
      return reply.redirect('/admin/market/indices?notice=withdrawn', 303);
    },
  );

  app.post(
    '/admin/market/indices/:code/constituents',
    { ...DESK_GUARD, schema: { params: CodeParams, body: MembersFormBody } },
    async (request, reply) => {
      const definition = desk.indexDefinition(request.params.code);
      if (definition === undefined) return pages.noSuchIndex(reply, request.params.code);
      const form = formFields(request.body);
      const read = readConstituentsForm(form);
      if (!read.ok) {
        return pages.one(request, reply, definition, {
          constituentsForm: form,
          constituentsProblems: read.problems,
          status: 422,
        });
      }
      const { members, ...options } = read.value;
      const outcome = await desk.setConstituents(actorOf(request), definition.code, members, options);
      if (!outcome.ok) {
        return pages.one(request, reply, definition, {
          constituentsForm: form,
          constituentsProblems: outcome.problems,
          status: statusForRefusal(outcome.reason),
        });
      }
      const notice = outcome.value.status === 'computed' ? 'computed' : 'scheduled';
      return reply.redirect(`${indexPath(definition.code)}?notice=${notice}`, 303);
    },
  );

  // The history form in its own scope: only here is multipart/form-data parsed, and only here is the body this large.
  void app.register(async (scope) => {
    explainOversizeUploads(scope);
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      parseUploadForm,
    );
    scope.post(
      '/admin/market/indices/:code/history',
      { ...DESK_GUARD, bodyLimit: MAX_IMPORT_BYTES, schema: { params: CodeParams } },
      async (request, reply) => {
        const { code } = request.params as { code: string };
        const definition = desk.indexDefinition(code);
        if (definition === undefined) return pages.noSuchIndex(reply, code);
        const file = ((request.body ?? {}) as UploadForm).file;
        if (!isUploadedFile(file) || file.bytes.length === 0) {
          const historyProblems = [{ field: 'file', message: 'Choose a history CSV to import.' }];
          return pages.one(request, reply, definition, { historyProblems, status: 422 });
        }
        const outcome = await importUpload(desk, actorOf(request), file.bytes, {
          name: file.filename || `${definition.code}.csv`,
          format: 'csv',
          symbol: definition.code,
        });
        if (!outcome.ok) {
          return pages.one(request, reply, definition, {
            historyProblems: outcome.problems,
            status: statusForRefusal(outcome.reason),
          });
        }
        return pages.one(request, reply, definition, { imported: outcome.report });
      },
    );
  });
}
