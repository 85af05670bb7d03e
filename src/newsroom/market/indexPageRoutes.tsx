import { Type } from '@sinclair/typebox';
import { symbolList } from '../../desk/market/recompositionPlan.js';
import { statusForRefusal } from '../../http/refusalStatus.js';
import { refusalOfProblems } from '../../shared/outcome.js';
import { actorOf } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import { FieldReader } from './deskInput.js';
import { DESK_GUARD, type DeskRoutes, FormBody, formFields, formList, NoticeQuery } from './deskRouteKit.js';
import { INDEX_NOTICES, INDICES_NOTICES } from './indexNotices.js';
import { indexPages, type RecompositionForm } from './indexPageRender.js';

const CodeParams = Type.Object({ code: Type.String({ maxLength: 20 }) });

/** `/admin/market/indices`: the list, one index's constituents, and scheduled recompositions. */
export function registerIndexPageRoutes({ app, ctx, desk }: DeskRoutes): void {
  const pages = indexPages(desk, ctx.marketStore);

  app.get('/admin/market/indices', { ...DESK_GUARD, schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const flash = noticeFlash(INDICES_NOTICES, request.query.notice);
    return pages.list(request, reply, flash !== undefined ? { flash } : {});
  });

  app.get(
    '/admin/market/indices/:code',
    { ...DESK_GUARD, schema: { params: CodeParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const definition = desk.indexDefinition(request.params.code);
      if (definition === undefined) return pages.noSuchIndex(reply, request.params.code);
      const flash = noticeFlash(INDEX_NOTICES, request.query.notice);
      return pages.one(request, reply, definition, flash !== undefined ? { flash } : {});
    },
  );

  app.post(
    '/admin/market/indices/:code/recompositions',
    { ...DESK_GUARD, schema: { params: CodeParams, body: FormBody } },
    async (request, reply) => {
      const definition = desk.indexDefinition(request.params.code);
      if (definition === undefined) return pages.noSuchIndex(reply, request.params.code);
      const fields = formFields(request.body);
      const form: RecompositionForm = {
        effective: fields.effective ?? '',
        add: fields.add ?? '',
        remove: formList(request.body, 'remove'),
      };
      const read = new FieldReader(fields);
      const effective = read.date('effective', 'Effective date');
      if (effective === undefined)
        return pages.one(request, reply, definition, { form, problems: read.problems, status: 422 });
      const outcome = await desk.scheduleRecomposition(actorOf(request), definition.code, effective, {
        add: symbolList(form.add).map((symbol) => ({ symbol })),
        remove: form.remove,
      });
      if (!outcome.ok) return pages.one(request, reply, definition, { form, problems: outcome.problems, status: 422 });
      return reply.redirect(`/admin/market/indices/${encodeURIComponent(definition.code)}?notice=scheduled`, 303);
    },
  );

  app.post(
    '/admin/market/indices/:code/recompositions/cancel',
    { ...DESK_GUARD, schema: { params: CodeParams, body: FormBody } },
    async (request, reply) => {
      const definition = desk.indexDefinition(request.params.code);
      if (definition === undefined) return pages.noSuchIndex(reply, request.params.code);
      const read = new FieldReader(formFields(request.body));
      const effective = read.date('effective', 'Effective date');
      const outcome =
        effective === undefined
          ? refusalOfProblems('invalid', read.problems)
          : await desk.cancelRecomposition(actorOf(request), definition.code, effective);
      if (!outcome.ok)
        return pages.one(request, reply, definition, {
          problems: outcome.problems,
          status: statusForRefusal(outcome.reason),
        });
      return reply.redirect(`/admin/market/indices/${encodeURIComponent(definition.code)}?notice=cancelled`, 303);
    },
  );
}
