import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { ApiErrorSchema, sendApiError } from '../../http/apiError.js';
import { sendApiRefusal } from '../../http/refusalStatus.js';
import { corporateActionKey } from '../../market/corporateActions/corporateAction.js';
import { formatRupees, parseRupees } from '../../market/money/money.js';
import { refusalOfProblems } from '../../shared/outcome.js';
import { actorOf } from '../http/guard.js';
import { previewAction } from './actionPageRoutes.js';
import { DESK_GUARD, type DeskRoutes } from './deskRouteKit.js';
import { fxRows, statusNow } from './deskViews.js';
import { corporateActionOf, endOfDayJson, fxJson } from './marketDeskJson.js';
import {
  ActionResultJson,
  CloseDayBody,
  CorporateActionBody,
  DateParams,
  EndOfDayJson,
  FxBody,
  FxJson,
  HolidayBody,
  PreviewJson,
  SpecialScheduleBody,
} from './marketDeskSchemas.js';
import { recordedActions } from './recordedActions.js';

const ERRORS = { '4xx': ApiErrorSchema };
const CalendarJson = Type.Object({
  today: Type.String(),
  status: Type.Union([
    Type.Null(),
    Type.Object({ phase: Type.String(), text: Type.String(), nextChange: Type.Union([Type.String(), Type.Null()]) }),
  ]),
  utcOffsetMinutes: Type.Integer(),
  holidays: Type.Array(Type.String()),
  specialSchedules: Type.Record(Type.String(), Type.Unknown()),
  weekly: Type.Record(Type.String(), Type.Unknown()),
});

/** Corporate actions, FX, calendar and the day close for scripts: `/api/v1/admin/market/...`. */
export function registerActionApiRoutes({ app, ctx, desk }: DeskRoutes): void {
  const send = <T>(reply: FastifyReply, status: number, body: T) =>
    reply.code(status).header('cache-control', 'no-store').send(body);

  app.get(
    '/api/v1/admin/market/corporate-actions',
    {
      ...DESK_GUARD,
      schema: {
        response: {
          200: Type.Object({ pending: Type.Array(Type.Unknown()), recorded: Type.Array(Type.Unknown()) }),
          ...ERRORS,
        },
      },
    },
    async (_request, reply) => {
      const pending = desk.market.pendingCorporateActions();
      const recorded = await recordedActions(ctx.marketStore, pending, 100);
      return send(reply, 200, {
        // `key` names a waiting action to withdraw or amend.
        pending: pending.map((action) => ({ ...action, key: corporateActionKey(action) })),
        recorded: recorded.map((entry) => ({
          ...entry.action,
          recordedAt: entry.recordedAt.toISOString(),
          status: entry.status,
        })),
      });
    },
  );

  app.post(
    '/api/v1/admin/market/corporate-actions/preview',
    { ...DESK_GUARD, schema: { body: CorporateActionBody, response: { 200: PreviewJson, ...ERRORS } } },
    async (request, reply) => {
      const read = corporateActionOf(request.body);
      if (!read.ok) return sendApiRefusal(reply, refusalOfProblems('invalid', read.problems));
      const preview = previewAction(desk, read.action);
      if (!('action' in preview)) return sendApiRefusal(reply, preview);
      return send(reply, 200, {
        symbol: read.action.symbol,
        ldcp: formatRupees(preview.ldcp),
        exPrice: formatRupees(preview.adjustment.exPrice),
        sharesBefore: preview.sharesBefore,
        sharesAfter: preview.adjustment.sharesOutstanding,
        appliesNow: preview.appliesNow,
      });
    },
  );

  app.post(
    '/api/v1/admin/market/corporate-actions',
    { ...DESK_GUARD, schema: { body: CorporateActionBody, response: { 200: ActionResultJson, ...ERRORS } } },
    async (request, reply) => {
      const read = corporateActionOf(request.body);
      if (!read.ok) return sendApiRefusal(reply, refusalOfProblems('invalid', read.problems));
      const outcome = await desk.corporateAction(actorOf(request), read.action);
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      const result = outcome.value;
      return send(
        reply,
        200,
        result.status === 'applied'
          ? {
              status: 'applied',
              exPrice: formatRupees(result.adjustment.exPrice),
              sharesOutstanding: result.adjustment.sharesOutstanding,
            }
          : { status: 'scheduled' },
      );
    },
  );

  const pendingOf = (key: string) =>
    desk.market.pendingCorporateActions().find((action) => corporateActionKey(action) === key);
  const notWaiting = refusalOfProblems('not-found', [
    { field: 'key', message: 'No such action is waiting for its ex-date; an applied one cannot be taken back.' },
  ]);

  app.post(
    '/api/v1/admin/market/corporate-actions/withdraw',
    {
      ...DESK_GUARD,
      schema: {
        body: Type.Object(
          { key: Type.String({ maxLength: 2000 }), reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ status: Type.Literal('withdrawn') }), ...ERRORS },
      },
    },
    async (request, reply) => {
      const action = pendingOf(request.body.key);
      if (action === undefined) return sendApiRefusal(reply, notWaiting);
      if (request.body.reason.trim() === '') {
        return sendApiRefusal(reply, refusalOfProblems('invalid', [{ field: 'reason', message: 'Say why.' }]));
      }
      const outcome = await desk.withdrawCorporateAction(actorOf(request), action, request.body.reason);
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return send(reply, 200, { status: 'withdrawn' as const });
    },
  );

  app.post(
    '/api/v1/admin/market/corporate-actions/amend',
    {
      ...DESK_GUARD,
      schema: {
        body: Type.Object(
          { key: Type.String({ maxLength: 2000 }), action: CorporateActionBody },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ status: Type.Literal('amended') }), ...ERRORS },
      },
    },
    async (request, reply) => {
      const before = pendingOf(request.body.key);
      if (before === undefined) return sendApiRefusal(reply, notWaiting);
      const read = corporateActionOf(request.body.action);
      if (!read.ok) return sendApiRefusal(reply, refusalOfProblems('invalid', read.problems));
      const outcome = await desk.amendCorporateAction(actorOf(request), before, read.action);
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return send(reply, 200, { status: 'amended' as const });
    },
  );

  app.get(
    '/api/v1/admin/market/fx',
    {
      ...DESK_GUARD,
      schema: { response: { 200: Type.Object({ date: Type.String(), items: Type.Array(FxJson) }), ...ERRORS } },
    },
    async (_request, reply) =>
      send(reply, 200, { date: desk.today(), items: fxRows(desk.market, desk.today()).map(fxJson) }),
  );

  app.post(
    '/api/v1/admin/market/fx',
    { ...DESK_GUARD, schema: { body: FxBody, response: { 201: FxJson, ...ERRORS } } },
    async (request, reply) => {
      const { pair, market, buying, selling, time, source } = request.body;
      const at = time === undefined ? ctx.now() : new Date(time);
      if (Number.isNaN(at.getTime()))
        return sendApiError(reply, 422, 'The time is not a real instant.', [
          { field: 'time', message: 'must be an ISO 8601 instant' },
        ]);
      const outcome = await desk.fxRate(actorOf(request), {
        pair,
        market,
        buying: parseRupees(buying),
        selling: parseRupees(selling),
        time: at,
        source,
      });
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      const row = fxRows(desk.market, desk.today()).find((r) => r.rate.pair === pair && r.rate.market === market);
      return row === undefined
        ? sendApiError(reply, 500, 'The rate was taken but is not shown.')
        : send(reply, 201, fxJson(row));
    },
  );

  const calendarJson = () => {
    const { calendar } = desk;
    const status = statusNow(desk.market, ctx.now());
    return {
      today: desk.today(),
      status: status === null ? null : { ...status, nextChange: status.nextChange?.toISOString() ?? null },
      utcOffsetMinutes: calendar.utcOffsetMinutes,
      holidays: [...calendar.holidays],
      specialSchedules: { ...calendar.specialSchedules },
      weekly: { ...calendar.weekly },
    };
  };

  app.get(
    '/api/v1/admin/market/calendar',
    { ...DESK_GUARD, schema: { response: { 200: CalendarJson, ...ERRORS } } },
    async (_request, reply) => send(reply, 200, calendarJson()),
  );

  app.post(
    '/api/v1/admin/market/calendar/holidays',
    { ...DESK_GUARD, schema: { body: HolidayBody, response: { 201: CalendarJson, ...ERRORS } } },
    async (request, reply) => {
      const outcome = await desk.editCalendar(actorOf(request), { type: 'addHoliday', date: request.body.date });
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return send(reply, 201, calendarJson());
    },
  );

  app.delete(
    '/api/v1/admin/market/calendar/holidays/:date',
    { ...DESK_GUARD, schema: { params: DateParams, response: { 200: CalendarJson, ...ERRORS } } },
    async (request, reply) => {
      const outcome = await desk.editCalendar(actorOf(request), { type: 'removeHoliday', date: request.params.date });
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return send(reply, 200, calendarJson());
    },
  );

  app.post(
    '/api/v1/admin/market/calendar/special-schedules',
    { ...DESK_GUARD, schema: { body: SpecialScheduleBody, response: { 201: CalendarJson, ...ERRORS } } },
    async (request, reply) => {
      const { date, periods } = request.body;
      const outcome = await desk.editCalendar(actorOf(request), {
        type: 'setSpecialSchedule',
        date,
        schedule: { periods },
      });
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return send(reply, 201, calendarJson());
    },
  );

  app.delete(
    '/api/v1/admin/market/calendar/special-schedules/:date',
    { ...DESK_GUARD, schema: { params: DateParams, response: { 200: CalendarJson, ...ERRORS } } },
    async (request, reply) => {
      const { date } = request.params;
      const outcome = await desk.editCalendar(actorOf(request), { type: 'removeSpecialSchedule', date });
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return send(reply, 200, calendarJson());
    },
  );

  app.post(
    '/api/v1/admin/market/close-day',
    { ...DESK_GUARD, schema: { body: CloseDayBody, response: { 200: EndOfDayJson, ...ERRORS } } },
    async (request, reply) => {
      const outcome = await desk.closeDay(actorOf(request), request.body.date ?? desk.today());
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return send(reply, 200, endOfDayJson(outcome.value));
    },
  );
}
