import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MarketDesk } from '../../desk/market/marketDesk.js';
import { adjustForAction, type CorporateAction } from '../../market/corporateActions/corporateAction.js';
import { type FieldProblem, type Refusal, refusalOfProblems } from '../../shared/outcome.js';
import { sendAdminPage } from '../http/adminPages.js';
import { actorOf } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import type { Flash } from '../pages/AdminLayout.js';
import { type ActionPreview, CorporateActionsPage, type RecordedAction } from './CorporateActionsPage.js';
import { type FormFields, readCorporateActionForm } from './deskForms.js';
import { DESK_GUARD, type DeskRoutes, FormBody, formFields, NoticeQuery, pageBasics } from './deskRouteKit.js';

const NOTICES = {
  applied: 'Corporate action applied: the stock’s LDCP is now its ex-price and the indices holding it are adjusted.',
  scheduled: 'Corporate action recorded: it applies at the roll-over into its ex-date.',
} as const satisfies Record<string, string>;

/** How many recorded actions the page lists, newest first. */
const RECORDED_SHOWN = 50;

/** The ex-price at today's LDCP, or why there is none. */
export function previewAction(desk: MarketDesk, action: CorporateAction): ActionPreview | Refusal {
  const quote = desk.market.quote(action.symbol);
  const instrument = desk.market.instrument(action.symbol);
  if (quote === undefined || instrument === undefined)
    return refusalOfProblems('not-found', [{ field: 'symbol', message: `${action.symbol} is not listed.` }]);
  if (action.type === 'cashDividend' && action.dividend >= quote.ldcp) {
    return refusalOfProblems('invalid', [{ field: 'dividend', message: 'The dividend must be below the LDCP.' }]);
  }
  return {
    action,
    ldcp: quote.ldcp,
    sharesBefore: instrument.sharesOutstanding,
    adjustment: adjustForAction(action, quote.ldcp, instrument.sharesOutstanding),
    appliesNow: action.exDate <= desk.today(),
  };
}

/** `/admin/market/corporate-actions`: preview, confirm, and the actions pending and on record. */
export function registerActionPageRoutes({ app, ctx, desk }: DeskRoutes): void {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    input: {
      form?: FormFields;
      problems?: readonly FieldProblem[];
      preview?: ActionPreview;
      flash?: Flash;
      status?: number;
    } = {},
  ) => {
    const pending = desk.market.pendingCorporateActions();
    const waiting = new Set(pending.map((action) => JSON.stringify(action)));
    const logged = await ctx.marketStore.latestEventsOfKind('corporateAction', RECORDED_SHOWN);
    const recorded: RecordedAction[] = logged.flatMap(({ event }) =>
      event.kind === 'corporateAction'
        ? [{ action: event.action, recordedAt: event.time, pending: waiting.has(JSON.stringify(event.action)) }]
        : [],
    );
    return sendAdminPage(
      reply,
      <CorporateActionsPage
        {...pageBasics(request, reply, input.flash)}
        form={input.form ?? { type: 'bonus', exDate: desk.today() }}
        problems={input.problems ?? []}
        pending={pending}
        recorded={recorded}
        {...(input.preview !== undefined ? { preview: input.preview } : {})}
      />,
      input.status ?? 200,
    );
  };

  app.get(
    '/admin/market/corporate-actions',
    { ...DESK_GUARD, schema: { querystring: NoticeQuery } },
    async (request, reply) => {
      const flash = noticeFlash(NOTICES, request.query.notice);
      return render(request, reply, flash !== undefined ? { flash } : {});
    },
  );

  // One address, two steps: `step=preview` shows the ex-price and a confirm button; `step=confirm` records.
  app.post('/admin/market/corporate-actions', { ...DESK_GUARD, schema: { body: FormBody } }, async (request, reply) => {
    const form = formFields(request.body);
    const read = readCorporateActionForm(form);
    if (!read.ok) return render(request, reply, { form, problems: read.problems, status: 422 });
    const preview = previewAction(desk, read.value);
    if (!('action' in preview)) return render(request, reply, { form, problems: preview.problems, status: 422 });
    if (form.step !== 'confirm') return render(request, reply, { form, preview });
    const outcome = await desk.corporateAction(actorOf(request), read.value);
    if (!outcome.ok) return render(request, reply, { form, problems: outcome.problems, status: 422 });
    return reply.redirect(`/admin/market/corporate-actions?notice=${outcome.value.status}`, 303);
  });
}
