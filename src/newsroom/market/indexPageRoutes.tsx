import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { symbolList } from '../../desk/market/recompositionPlan.js';
import { statusForRefusal } from '../../http/refusalStatus.js';
import type { IndexView } from '../../market/book/marketSnapshot.js';
import { type FieldProblem, refusalOfProblems } from '../../shared/outcome.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { actorOf } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import type { Flash } from '../pages/AdminLayout.js';
import { FieldReader } from './deskInput.js';
import {
  DESK_GUARD,
  type DeskRoutes,
  FormBody,
  formFields,
  formList,
  NoticeQuery,
  pageBasics,
} from './deskRouteKit.js';
import { indexSummaries, memberRows } from './deskViews.js';
import { IndexPage } from './IndexPage.js';
import { IndicesPage } from './IndicesPage.js';

const NOTICES = {
  scheduled: 'Recomposition scheduled: it applies at the roll-over into its effective date.',
  cancelled: 'Recomposition cancelled: the index keeps its constituents.',
} as const satisfies Record<string, string>;

const CodeParams = Type.Object({ code: Type.String({ maxLength: 20 }) });

interface RecompositionForm {
  readonly effective: string;
  readonly add: string;
  readonly remove: readonly string[];
}

/** `/admin/market/indices`: definitions, constituents and scheduled recompositions. */
export function registerIndexPageRoutes({ app, desk }: DeskRoutes): void {
  const indexView = (code: string): IndexView | undefined =>
    desk.market.snapshot().indices.find((index) => index.code === code);

  const renderIndex = (
    request: FastifyRequest,
    reply: FastifyReply,
    index: IndexView,
    input: { form?: RecompositionForm; problems?: readonly FieldProblem[]; flash?: Flash; status?: number } = {},
  ) =>
    sendAdminPage(
      reply,
      <IndexPage
        {...pageBasics(request, reply, input.flash)}
        index={index}
        members={memberRows(desk.market, index.code) ?? []}
        pending={desk.market.scheduledRecompositions().filter((r) => r.code === index.code)}
        form={input.form ?? { effective: '', add: '', remove: [] }}
        problems={input.problems ?? []}
      />,
      input.status ?? 200,
    );

  app.get('/admin/market/indices', DESK_GUARD, async (request, reply) =>
    sendAdminPage(
      reply,
      <IndicesPage
        {...pageBasics(request, reply)}
        indices={indexSummaries(desk.market)}
        pending={desk.market.scheduledRecompositions()}
      />,
    ),
  );

  app.get(
    '/admin/market/indices/:code',
    { ...DESK_GUARD, schema: { params: CodeParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const index = indexView(request.params.code);
      if (index === undefined)
        return sendAdminRefusal(reply, 'not-found', 'No such index', `There is no index ${request.params.code}.`);
      const flash = noticeFlash(NOTICES, request.query.notice);
      return renderIndex(request, reply, index, flash !== undefined ? { flash } : {});
    },
  );

  app.post(
    '/admin/market/indices/:code/recompositions',
    { ...DESK_GUARD, schema: { params: CodeParams, body: FormBody } },
    async (request, reply) => {
      const index = indexView(request.params.code);
      if (index === undefined)
        return sendAdminRefusal(reply, 'not-found', 'No such index', `There is no index ${request.params.code}.`);
      const fields = formFields(request.body);
      const form: RecompositionForm = {
        effective: fields.effective ?? '',
        add: fields.add ?? '',
        remove: formList(request.body, 'remove'),
      };
      const read = new FieldReader(fields);
      const effective = read.date('effective', 'Effective date');
      if (effective === undefined)
        return renderIndex(request, reply, index, { form, problems: read.problems, status: 422 });
      const outcome = await desk.scheduleRecomposition(actorOf(request), index.code, effective, {
        add: symbolList(form.add).map((symbol) => ({ symbol })),
        remove: form.remove,
      });
      if (!outcome.ok) return renderIndex(request, reply, index, { form, problems: outcome.problems, status: 422 });
      return reply.redirect(`/admin/market/indices/${encodeURIComponent(index.code)}?notice=scheduled`, 303);
    },
  );

  app.post(
    '/admin/market/indices/:code/recompositions/cancel',
    { ...DESK_GUARD, schema: { params: CodeParams, body: FormBody } },
    async (request, reply) => {
      const index = indexView(request.params.code);
      if (index === undefined)
        return sendAdminRefusal(reply, 'not-found', 'No such index', `There is no index ${request.params.code}.`);
      const read = new FieldReader(formFields(request.body));
      const effective = read.date('effective', 'Effective date');
      const outcome =
        effective === undefined
          ? refusalOfProblems('invalid', read.problems)
          : await desk.cancelRecomposition(actorOf(request), index.code, effective);
      if (!outcome.ok)
        return renderIndex(request, reply, index, {
          problems: outcome.problems,
          status: statusForRefusal(outcome.reason),
        });
      return reply.redirect(`/admin/market/indices/${encodeURIComponent(index.code)}?notice=cancelled`, 303);
    },
  );
}
