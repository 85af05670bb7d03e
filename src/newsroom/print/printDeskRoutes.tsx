import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { commitPrintPlan } from '../../desk/print/commitPrintPlan.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { applyPrintEdit, emptyPlan, type PrintEdit, type PrintPlan, PrintPlanError } from '../../news/printEdition.js';
import { karachiDateKey } from '../../shared/pakistanTime.js';
import { parseEditionDate } from '../../site/routes/printRoutes.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { PrintDeskPage } from './PrintDeskPage.js';

const SEARCH_RESULTS = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

const DateParams = Type.Object({ date: Type.String({ maxLength: 10 }) });
const Op = Type.Union(
  (['add', 'remove', 'move', 'up', 'down', 'label', 'removePage'] as const).map((op) => Type.Literal(op)),
);

/** `/admin/print/{date}`: the print desk lays out one day's edition page by page. */
export function registerPrintDeskRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const guard = { onRequest: requirePermission('print.manage') };

  app.get('/admin/print', guard, async (_request, reply) =>
    reply.redirect(`/admin/print/${karachiDateKey(ctx.now())}`, 303),
  );

  app.get(
    '/admin/print/:date',
    {
      ...guard,
      schema: {
        params: DateParams,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
        }),
      },
    },
    async (request, reply) => {
      if (parseEditionDate(request.params.date) === null) {
        return sendAdminRefusal(reply, 'malformed', 'Not a date', 'Editions are found by date, like 2023-01-31.');
      }
      return sendDesk(ctx, request, reply, { date: request.params.date, search: request.query.q?.trim() ?? '' });
    },
  );

  app.post(
    '/admin/print/:date/edit',
    {
      ...guard,
      schema: {
        params: DateParams,
        body: Type.Object(
          {
            op: Op,
            articleId: Type.Optional(Type.Integer({ minimum: 1 })),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
            label: Type.Optional(Type.String({ maxLength: 200 })),
            q: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const { date } = request.params;
      if (parseEditionDate(date) === null)
        return sendAdminRefusal(reply, 'malformed', 'Not a date', 'Editions are found by date.');
      const edit = editOf(request.body);
      if (edit === null)
        return sendAdminRefusal(reply, 'malformed', 'Incomplete', 'This change needs a story and a page.');
      if (edit.kind === 'add' && (await ctx.print.summariesByIds([edit.articleId])).length === 0) {
        return sendAdminRefusal(reply, 'not-found', 'No such story', `There is no story ${edit.articleId}.`);
      }
      const back = `/admin/print/${date}${request.body.q ? `?q=${encodeURIComponent(request.body.q)}` : ''}`;
      const before = await ctx.print.loadPlan(date);
      let after: PrintPlan;
      try {
        after = applyPrintEdit(before, edit);
      } catch (error) {
        if (!(error instanceof PrintPlanError)) throw error;
        const search = request.body.q?.trim() ?? '';
        return sendDesk(ctx, request, reply, { date, search, error: error.message });
      }
      await commitPrintPlan(ctx, actorOf(request), after, { ...edit });
      return reply.redirect(back, 303);
    },
  );

  app.post('/admin/print/:date/seed', { ...guard, schema: { params: DateParams } }, async (request, reply) => {
    const { date } = request.params;
    if (parseEditionDate(date) === null)
      return sendAdminRefusal(reply, 'malformed', 'Not a date', 'Editions are found by date.');
    const edition = await ctx.store.printEdition(date);
    const plan = edition.articles.reduce<PrintPlan>(
      (draft, story) => applyPrintEdit(draft, { kind: 'add', articleId: story.id, page: story.printPage ?? 1 }),
      await ctx.print.loadPlan(date),
    );
    await commitPrintPlan(ctx, actorOf(request), plan, { kind: 'seed', stories: edition.articles.length });
    return reply.redirect(`/admin/print/${date}`, 303);
  });

  app.post('/admin/print/:date/clear', { ...guard, schema: { params: DateParams } }, async (request, reply) => {
    const { date } = request.params;
    if (parseEditionDate(date) === null)
      return sendAdminRefusal(reply, 'malformed', 'Not a date', 'Editions are found by date.');
    await commitPrintPlan(ctx, actorOf(request), emptyPlan(date), { kind: 'clear' });
    return reply.redirect(`/admin/print/${date}`, 303);
  });
}

/** The desk page of a date; with `error`, the refused change's reason and status 422. */
async function sendDesk(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { readonly date: string; readonly search: string; readonly error?: string },
): Promise<FastifyReply> {
  const { date, search } = input;
  const day = parseEditionDate(date) ?? ctx.now();
  const plan = await ctx.print.loadPlan(date);
  const placed = plan.pages.flatMap((page) => page.articleIds);
  const [stories, edition, results] = await Promise.all([
    ctx.print.summariesByIds(placed),
    ctx.store.printEdition(date),
    ctx.print.searchPublishedByHeadline({ words: search, limit: SEARCH_RESULTS }),
  ]);
  return sendAdminPage(
    reply,
    <PrintDeskPage
      actor={actorOf(request)}
      csrfToken={csrfTokenFor(reply)}
      plan={plan}
      stories={new Map(stories.map((story) => [story.id, story]))}
      fallback={plan.pages.length === 0 ? edition.articles : []}
      search={search}
      results={results.filter((story) => !placed.includes(story.id))}
      previousDate={karachiDateKey(new Date(day.getTime() - DAY_MS))}
      nextDate={karachiDateKey(new Date(day.getTime() + DAY_MS))}
      {...(input.error !== undefined ? { flash: { kind: 'error' as const, message: input.error } } : {})}
    />,
    input.error !== undefined ? 422 : 200,
  );
}

function editOf(body: {
  readonly op: PrintEdit['kind'];
  readonly articleId?: number;
  readonly page?: number;
  readonly label?: string;
}): PrintEdit | null {
  const { articleId, page } = body;
  switch (body.op) {
    case 'add':
    case 'move':
      return articleId === undefined || page === undefined ? null : { kind: body.op, articleId, page };
    case 'remove':
    case 'up':
    case 'down':
      return articleId === undefined ? null : { kind: body.op, articleId };
    case 'label':
      return page === undefined ? null : { kind: 'label', page, label: body.label ?? '' };
    case 'removePage':
      return page === undefined ? null : { kind: 'removePage', page };
  }
}
