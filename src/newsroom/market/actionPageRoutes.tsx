import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MarketDesk } from '../../desk/market/marketDesk.js';
import {
  adjustForAction,
  type CorporateAction,
  corporateActionKey,
} from '../../market/corporateActions/corporateAction.js';
import { type FieldProblem, type Refusal, refusalOfProblems } from '../../shared/outcome.js';
import { sendAdminPage } from '../http/adminPages.js';
import { actorOf } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import type { Flash } from '../pages/AdminLayout.js';
import { type ActionPreview, CorporateActionsPage } from './CorporateActionsPage.js';
import { type FormFields, readCorporateActionForm } from './deskForms.js';
import { DESK_GUARD, type DeskRoutes, FormBody, formFields, NoticeQuery, pageBasics } from './deskRouteKit.js';
import { recordedActions } from './recordedActions.js';

const NOTICES = {
  applied: 'Corporate action applied: the stock’s LDCP is now its ex-price and the indices holding it are adjusted.',
  scheduled: 'Corporate action recorded: it applies at the roll-over into its ex-date.',
  withdrawn: 'Corporate action withdrawn: it will not apply at its ex-date.',
  amended: 'Corporate action amended: the corrected one replaces it.',
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
    const recorded = await recordedActions(ctx.marketStore, pending, RECORDED_SHOWN);
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

  // A waiting action, named by its key (src/market/corporateActions/corporateAction.ts), withdrawn with a reason.
  app.post(
    '/admin/market/corporate-actions/withdraw',
    { ...DESK_GUARD, schema: { body: FormBody } },
    async (request, reply) => {
      const form = formFields(request.body);
      const action = pendingByKey(desk, form.key);
      const reason = (form.reason ?? '').trim();
      if (action === undefined) {
        return render(request, reply, { problems: [NOT_WAITING], status: 404 });
      }
      if (reason === '' || reason.length > 500) {
        return render(request, reply, {
          problems: [{ field: 'reason', message: 'Say why the action is withdrawn (at most 500 characters).' }],
          status: 422,
        });
      }
      const outcome = await desk.withdrawCorporateAction(actorOf(request), action, reason);
      if (!outcome.ok) return render(request, reply, { problems: outcome.problems, status: 409 });
      return reply.redirect('/admin/market/corporate-actions?notice=withdrawn', 303);
    },
  );

  // Amending starts from the waiting action's figures in the announce form; the confirm step replaces it.
  app.post(
    '/admin/market/corporate-actions/amend',
    { ...DESK_GUARD, schema: { body: FormBody } },
    async (request, reply) => {
      const form = formFields(request.body);
      const action = pendingByKey(desk, form.key);
      if (action === undefined) return render(request, reply, { problems: [NOT_WAITING], status: 404 });
      return render(request, reply, { form: { ...formOfAction(action), replaces: form.key } });
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
    if (form.replaces !== undefined && form.replaces !== '') {
      const before = pendingByKey(desk, form.replaces);
      if (before === undefined) return render(request, reply, { form, problems: [NOT_WAITING], status: 404 });
      const amended = await desk.amendCorporateAction(actorOf(request), before, read.value);
      if (!amended.ok) return render(request, reply, { form, problems: amended.problems, status: 422 });
      return reply.redirect('/admin/market/corporate-actions?notice=amended', 303);
    }
    const outcome = await desk.corporateAction(actorOf(request), read.value);
    if (!outcome.ok) return render(request, reply, { form, problems: outcome.problems, status: 422 });
    return reply.redirect(`/admin/market/corporate-actions?notice=${outcome.value.status}`, 303);
  });
}

const NOT_WAITING: FieldProblem = {
  field: 'action',
  message:
    'That action is no longer waiting for its ex-date. An applied action has moved prices and index divisors: record the correcting action instead.',
};

function pendingByKey(desk: MarketDesk, key: string | undefined): CorporateAction | undefined {
  if (key === undefined) return undefined;
  return desk.market.pendingCorporateActions().find((action) => corporateActionKey(action) === key);
}

/** The announce form filled with an action's figures (an exact-ratio entitlement leaves its percent to retype). */
export function formOfAction(action: CorporateAction): FormFields {
  const base = { type: action.type, symbol: action.symbol, exDate: action.exDate };
  const rupeeText = (paisa: number) => (paisa / 100).toFixed(2);
  switch (action.type) {
    case 'bonus':
      return action.ratio === undefined ? { ...base, bonusPercent: String(action.bonusBasisPoints / 100) } : base;
    case 'right':
      return {
        ...base,
        subscriptionPrice: rupeeText(action.subscriptionPrice),
        ...(action.ratio === undefined ? { rightPercent: String(action.rightBasisPoints / 100) } : {}),
      };
    case 'split':
      return { ...base, sharesBefore: String(action.sharesBefore), sharesAfter: String(action.sharesAfter) };
    case 'cashDividend':
      return { ...base, dividend: rupeeText(action.dividend) };
  }
}
