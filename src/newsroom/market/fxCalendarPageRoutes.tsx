import type { FastifyReply, FastifyRequest } from 'fastify';
import { fxJumpToConfirm } from '../../market/fx/fxJump.js';
import { formatRupees } from '../../market/money/money.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { sendAdminPage } from '../http/adminPages.js';
import { actorOf } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import type { Flash } from '../pages/AdminLayout.js';
import { CalendarPage } from './CalendarPage.js';
import { karachiStamp } from './deskFormat.js';
import { type FormFields, readFxForm } from './deskForms.js';
import { FieldReader } from './deskInput.js';
import { DESK_GUARD, type DeskRoutes, FormBody, formFields, NoticeQuery, pageBasics } from './deskRouteKit.js';
import { fxRows, statusNow } from './deskViews.js';
import { FxRatesPage } from './FxRatesPage.js';
import { readSpecialSchedule } from './scheduleForm.js';

const NOTICES = {
  rate: 'Rate recorded; the ticker and currency pages show it now.',
  added: 'Holiday added: the market does not open that day.',
  removed: 'Holiday removed: the day follows the weekly timetable again.',
  special: 'Special schedule set: the market follows it on that date.',
  'special-removed': 'Special schedule removed: the day follows the weekly timetable again.',
} as const satisfies Record<string, string>;

/** `/admin/market/fx` and `/admin/market/calendar`. */
export function registerFxCalendarPageRoutes({ app, ctx, desk }: DeskRoutes): void {
  const renderFx = (
    request: FastifyRequest,
    reply: FastifyReply,
    input: {
      form?: FormFields;
      problems?: readonly FieldProblem[];
      flash?: Flash;
      status?: number;
      confirmJump?: boolean;
    } = {},
  ) => {
    const [date = '', clock = ''] = karachiStamp(ctx.now()).split(' ');
    return sendAdminPage(
      reply,
      <FxRatesPage
        {...pageBasics(request, reply, input.flash)}
        today={desk.today()}
        rows={fxRows(desk.market, desk.today())}
        form={input.form ?? { pair: 'USD/PKR', market: 'interbank', date, time: clock }}
        problems={input.problems ?? []}
        confirmJump={input.confirmJump ?? false}
      />,
      input.status ?? 200,
    );
  };

  const renderCalendar = (
    request: FastifyRequest,
    reply: FastifyReply,
    input: {
      holiday?: string;
      problems?: readonly FieldProblem[];
      scheduleForm?: FormFields;
      scheduleProblems?: readonly FieldProblem[];
      flash?: Flash;
      status?: number;
    } = {},
  ) =>
    sendAdminPage(
      reply,
      <CalendarPage
        {...pageBasics(request, reply, input.flash)}
        calendar={desk.calendar}
        status={statusNow(desk.market, ctx.now())}
        today={desk.today()}
        holidayForm={input.holiday ?? ''}
        problems={input.problems ?? []}
        scheduleForm={input.scheduleForm ?? {}}
        scheduleProblems={input.scheduleProblems ?? []}
      />,
      input.status ?? 200,
    );

  app.get('/admin/market/fx', { ...DESK_GUARD, schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const flash = noticeFlash(NOTICES, request.query.notice);
    return renderFx(request, reply, flash !== undefined ? { flash } : {});
  });

  app.post('/admin/market/fx', { ...DESK_GUARD, schema: { body: FormBody } }, async (request, reply) => {
    const form = formFields(request.body);
    const read = readFxForm(form, desk.calendar);
    if (!read.ok) return renderFx(request, reply, { form, problems: read.problems, status: 422 });
    const update = read.value;
    const last = desk.market.fxRates().find((rate) => rate.pair === update.pair && rate.market === update.market);
    const jump = fxJumpToConfirm(last, update);
    if (jump !== null && form.confirmJump !== 'yes') {
      const message = `This is ${Math.abs(jump.percent).toFixed(1)} % ${jump.percent > 0 ? 'above' : 'below'} the last rate (Rs ${formatRupees(jump.last.buying)}). Check it, then tick “The rate is right” to record it.`;
      return renderFx(request, reply, {
        form,
        problems: [{ field: 'buying', message }],
        status: 422,
        confirmJump: true,
      });
    }
    const outcome = await desk.fxRate(actorOf(request), update);
    if (!outcome.ok) return renderFx(request, reply, { form, problems: outcome.problems, status: 422 });
    return reply.redirect('/admin/market/fx?notice=rate', 303);
  });

  app.get('/admin/market/calendar', { ...DESK_GUARD, schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const flash = noticeFlash(NOTICES, request.query.notice);
    return renderCalendar(request, reply, flash !== undefined ? { flash } : {});
  });

  for (const [path, type, notice] of [
    ['/admin/market/calendar/holidays', 'addHoliday', 'added'],
    ['/admin/market/calendar/holidays/remove', 'removeHoliday', 'removed'],
  ] as const) {
    app.post(path, { ...DESK_GUARD, schema: { body: FormBody } }, async (request, reply) => {
      const fields = formFields(request.body);
      const read = new FieldReader(fields);
      const date = read.date('date', 'Date');
      const holiday = fields.date ?? '';
      if (date === undefined) return renderCalendar(request, reply, { holiday, problems: read.problems, status: 422 });
      const outcome = await desk.editCalendar(actorOf(request), { type, date });
      if (!outcome.ok) return renderCalendar(request, reply, { holiday, problems: outcome.problems, status: 422 });
      return reply.redirect(`/admin/market/calendar?notice=${notice}`, 303);
    });
  }

  app.post(
    '/admin/market/calendar/special-schedules',
    { ...DESK_GUARD, schema: { body: FormBody } },
    async (request, reply) => {
      const fields = formFields(request.body);
      const read = readSpecialSchedule(fields);
      if ('problems' in read) {
        return renderCalendar(request, reply, { scheduleForm: fields, scheduleProblems: read.problems, status: 422 });
      }
      const outcome = await desk.editCalendar(actorOf(request), {
        type: 'setSpecialSchedule',
        date: read.date,
        schedule: read.schedule,
      });
      if (!outcome.ok) {
        return renderCalendar(request, reply, {
          scheduleForm: fields,
          scheduleProblems: outcome.problems,
          status: 422,
        });
      }
      return reply.redirect('/admin/market/calendar?notice=special', 303);
    },
  );

  app.post(
    '/admin/market/calendar/special-schedules/remove',
    { ...DESK_GUARD, schema: { body: FormBody } },
    async (request, reply) => {
      const fields = formFields(request.body);
      const read = new FieldReader(fields);
      const date = read.date('date', 'Date');
      if (date === undefined) return renderCalendar(request, reply, { scheduleProblems: read.problems, status: 422 });
      const outcome = await desk.editCalendar(actorOf(request), { type: 'removeSpecialSchedule', date });
      if (!outcome.ok) return renderCalendar(request, reply, { scheduleProblems: outcome.problems, status: 422 });
      return reply.redirect('/admin/market/calendar?notice=special-removed', 303);
    },
  );
}
