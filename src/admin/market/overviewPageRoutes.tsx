import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EndOfDay } from '../../market/endOfDay.js';
import { sendAdminPage } from '../http/adminPages.js';
import { actorOf } from '../http/guard.js';
import { type DeskProblem, FieldReader } from './deskInput.js';
import { DESK_GUARD, type DeskRoutes, FormBody, formFields, pageBasics } from './deskRouteKit.js';
import { statusNow } from './deskViews.js';
import { MarketOverviewPage } from './MarketOverviewPage.js';

/** `/admin/market` and the end-of-day close. */
export function registerOverviewPageRoutes({ app, ctx, desk }: DeskRoutes): void {
  const render = (
    request: FastifyRequest,
    reply: FastifyReply,
    input: { problems?: readonly DeskProblem[]; closeDate?: string; closed?: EndOfDay; status?: number } = {},
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
}
