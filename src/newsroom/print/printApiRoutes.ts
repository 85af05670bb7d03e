import { Type } from '@sinclair/typebox';
import { commitPrintPlan } from '../../desk/print/commitPrintPlan.js';
import { ApiErrorSchema, sendApiError } from '../../http/apiError.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { applyPrintEdit, emptyPlan, PRINT_MAX_PAGE, type PrintPlan, PrintPlanError } from '../../news/printEdition.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { parseEditionDate } from '../../site/routes/printRoutes.js';
import type { PrintStore } from '../../store/print/printStore.js';
import type { AdminContext } from '../http/adminContext.js';
import { actorOf, requirePermission } from '../http/guard.js';

const DateParams = Type.Object({ date: Type.String({ maxLength: 10 }) });

const LayoutJson = Type.Object({
  date: Type.String(),
  /** `layout` when the desk placed stories; `printPages` when the edition follows the stories' own print pages. */
  source: Type.Union([Type.Literal('layout'), Type.Literal('printPages')]),
  pages: Type.Array(
    Type.Object({
      page: Type.Integer(),
      label: Type.String(),
      articleIds: Type.Array(Type.Integer()),
      articles: Type.Array(Type.Object({ id: Type.Integer(), headline: Type.String() })),
    }),
  ),
});

const LayoutBody = Type.Object(
  {
    pages: Type.Array(
      Type.Object({
        page: Type.Integer({ minimum: 1, maximum: PRINT_MAX_PAGE }),
        label: Type.Optional(Type.String({ maxLength: 200 })),
        articleIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200 }),
      }),
      { maxItems: PRINT_MAX_PAGE },
    ),
  },
  // Closed, as every newsroom API body: a misspelt `pgaes` is a 400, not an edition emptied.
  { additionalProperties: false },
);

interface PageInput {
  readonly page: number;
  readonly label?: string;
  readonly articleIds: readonly number[];
}

/** `/api/v1/admin/print/{date}`: the print desk's edition layout for scripts and enhanced pages. */
export function registerPrintApiRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const guard = { onRequest: requirePermission('print.manage') };
  const errors = { '4xx': ApiErrorSchema };

  app.get(
    '/api/v1/admin/print/:date',
    { ...guard, schema: { params: DateParams, response: { 200: LayoutJson, ...errors } } },
    async (request, reply) => {
      const { date } = request.params;
      if (parseEditionDate(date) === null)
        return sendApiError(reply, 400, 'Editions are found by date, like 2023-01-31.');
      return reply.header('cache-control', 'no-store').send(await layoutJson(ctx, date));
    },
  );

  app.put(
    '/api/v1/admin/print/:date',
    { ...guard, schema: { params: DateParams, body: LayoutBody, response: { 200: LayoutJson, ...errors } } },
    async (request, reply) => {
      const { date } = request.params;
      if (parseEditionDate(date) === null)
        return sendApiError(reply, 400, 'Editions are found by date, like 2023-01-31.');
      const problems = await layoutProblems(ctx.print, request.body.pages);
      if (problems.length > 0) return sendApiError(reply, 422, 'The layout was not saved.', problems);
      let plan: PrintPlan;
      try {
        plan = planOf(date, request.body.pages);
      } catch (error) {
        if (!(error instanceof PrintPlanError)) throw error;
        return sendApiError(reply, 422, error.message, [{ field: 'pages', message: error.message }]);
      }
      const stories = plan.pages.reduce((sum, page) => sum + page.articleIds.length, 0);
      await commitPrintPlan(ctx, actorOf(request), plan, { kind: 'replace', pages: plan.pages.length, stories });
      return reply.header('cache-control', 'no-store').send(await layoutJson(ctx, date));
    },
  );

  app.delete(
    '/api/v1/admin/print/:date',
    { ...guard, schema: { params: DateParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const { date } = request.params;
      if (parseEditionDate(date) === null)
        return sendApiError(reply, 400, 'Editions are found by date, like 2023-01-31.');
      if ((await ctx.print.loadPlan(date)).pages.length === 0) {
        return sendApiError(reply, 404, `The edition of ${date} has no layout.`);
      }
      await commitPrintPlan(ctx, actorOf(request), emptyPlan(date), { kind: 'clear' });
      return reply.code(204).header('cache-control', 'no-store').send(null);
    },
  );
}

/** The saved layout, or (none saved) the edition as the stories' own print pages make it. */
async function layoutJson(ctx: AdminContext, date: string) {
  const plan = await ctx.print.loadPlan(date);
  if (plan.pages.length > 0) {
    const stories = await ctx.print.summariesByIds(plan.pages.flatMap((page) => page.articleIds));
    const headlines = new Map(stories.map((story) => [story.id, story.headline]));
    return {
      date,
      source: 'layout' as const,
      pages: plan.pages.map((page) => ({
        page: page.page,
        label: page.label,
        articleIds: [...page.articleIds],
        articles: page.articleIds.map((id) => ({ id, headline: headlines.get(id) ?? '' })),
      })),
    };
  }
  const edition = await ctx.store.printEdition(date);
  const byPage = new Map<number, { id: number; headline: string }[]>();
  for (const story of edition.articles) {
    if (story.printPage === null) continue;
    const list = byPage.get(story.printPage) ?? [];
    list.push({ id: story.id, headline: story.headline });
    byPage.set(story.printPage, list);
  }
  return {
    date,
    source: 'printPages' as const,
    pages: [...byPage.entries()]
      .sort(([a], [b]) => a - b)
      .map(([page, articles]) => ({
        page,
        label: edition.pageLabels?.[page] ?? '',
        articleIds: articles.map((story) => story.id),
        articles,
      })),
  };
}

/** Every reason the layout cannot be saved: a page listed twice, a story placed twice, unknown or unpublished. */
async function layoutProblems(print: PrintStore, pages: readonly PageInput[]): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const seenPages = new Set<number>();
  const seenIds = new Set<number>();
  pages.forEach((page, index) => {
    if (seenPages.has(page.page))
      problems.push({ field: `pages[${index}].page`, message: `page ${page.page} is listed twice` });
    seenPages.add(page.page);
    for (const id of page.articleIds) {
      if (seenIds.has(id))
        problems.push({ field: `pages[${index}].articleIds`, message: `story ${id} is placed twice` });
      seenIds.add(id);
    }
  });
  if (seenIds.size === 0) return problems;
  const status = await print.articleStatuses([...seenIds]);
  for (const id of seenIds) {
    const found = status.get(id);
    if (found === undefined) problems.push({ field: 'articleIds', message: `there is no story ${id}` });
    else if (found !== 'published')
      problems.push({ field: 'articleIds', message: `story ${id} is ${found}, not published` });
  }
  return problems;
}

/** Builds the plan through the desk's own edits, so labels are tidied and checked as on the page. */
function planOf(date: string, pages: readonly PageInput[]): PrintPlan {
  return pages.reduce<PrintPlan>((plan, page) => {
    const labelled = applyPrintEdit(plan, { kind: 'label', page: page.page, label: page.label ?? '' });
    return page.articleIds.reduce<PrintPlan>(
      (draft, articleId) => applyPrintEdit(draft, { kind: 'add', articleId, page: page.page }),
      labelled,
    );
  }, emptyPlan(date));
}
