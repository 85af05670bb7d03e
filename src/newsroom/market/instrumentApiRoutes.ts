import { Type } from '@sinclair/typebox';
import { ApiErrorSchema, sendApiError } from '../../http/apiError.js';
import { sendApiRefusal } from '../../http/refusalStatus.js';
import { paisa, parseRupees } from '../../market/money/money.js';
import { actorOf } from '../http/guard.js';
import { DESK_GUARD, type DeskRoutes } from './deskRouteKit.js';
import { indexSummaries, instrumentRows, memberRows } from './deskViews.js';
import { instrumentJson, memberJson, recompositionJson } from './marketDeskJson.js';
import {
  AmendmentBody,
  CodeParams,
  IndexJson,
  InstrumentJson,
  ListingBody,
  RecompositionBody,
  RecompositionJson,
  SymbolParams,
} from './marketDeskSchemas.js';

const ERRORS = { '4xx': ApiErrorSchema };

/** `/api/v1/admin/market/instruments` and `/indices`: the master list and index membership for scripts. */
export function registerInstrumentApiRoutes({ app, desk }: DeskRoutes): void {
  const rowOf = (symbol: string) => instrumentRows(desk.market).find((row) => row.instrument.symbol === symbol);
  const listedJson = (symbol: string) => {
    const row = rowOf(symbol);
    // The market has just taken the change, so the instrument is there.
    if (row === undefined) throw new Error(`${symbol} vanished after a desk change`);
    return instrumentJson(row);
  };

  app.get(
    '/api/v1/admin/market/instruments',
    { ...DESK_GUARD, schema: { response: { 200: Type.Object({ items: Type.Array(InstrumentJson) }), ...ERRORS } } },
    async (_request, reply) =>
      reply.header('cache-control', 'no-store').send({ items: instrumentRows(desk.market).map(instrumentJson) }),
  );

  app.post(
    '/api/v1/admin/market/instruments',
    { ...DESK_GUARD, schema: { body: ListingBody, response: { 201: InstrumentJson, ...ERRORS } } },
    async (request, reply) => {
      const body = request.body;
      const tickSize = body.tickSize === undefined ? paisa(1) : parseRupees(body.tickSize);
      const outcome = await desk.listInstrument(actorOf(request), {
        instrument: {
          symbol: body.symbol,
          name: body.name.trim(),
          sector: body.sector.trim(),
          sharesOutstanding: body.sharesOutstanding,
          freeFloat: body.freeFloat,
          tickSize,
          lotSize: body.lotSize ?? 1,
        },
        ldcp: parseRupees(body.ldcp),
      });
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .header('location', `/api/v1/admin/market/instruments/${encodeURIComponent(body.symbol)}`)
        .send(listedJson(outcome.value.symbol));
    },
  );

  app.get(
    '/api/v1/admin/market/instruments/:symbol',
    { ...DESK_GUARD, schema: { params: SymbolParams, response: { 200: InstrumentJson, ...ERRORS } } },
    async (request, reply) => {
      const row = rowOf(request.params.symbol);
      if (row === undefined) return sendApiError(reply, 404, `${request.params.symbol} is not listed.`);
      return reply.header('cache-control', 'no-store').send(instrumentJson(row));
    },
  );

  app.patch(
    '/api/v1/admin/market/instruments/:symbol',
    {
      ...DESK_GUARD,
      schema: { params: SymbolParams, body: AmendmentBody, response: { 200: InstrumentJson, ...ERRORS } },
    },
    async (request, reply) => {
      const { name, sector, sharesOutstanding, freeFloat } = request.body;
      const outcome = await desk.amendInstrument(actorOf(request), request.params.symbol, {
        ...(name === undefined ? {} : { name: name.trim() }),
        ...(sector === undefined ? {} : { sector: sector.trim() }),
        ...(sharesOutstanding === undefined ? {} : { sharesOutstanding }),
        ...(freeFloat === undefined ? {} : { freeFloat }),
      });
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return reply.header('cache-control', 'no-store').send(listedJson(request.params.symbol));
    },
  );

  app.get(
    '/api/v1/admin/market/indices',
    {
      ...DESK_GUARD,
      schema: {
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                value: Type.Integer(),
                members: Type.Integer(),
                pendingRecompositions: Type.Integer(),
              }),
            ),
          }),
          ...ERRORS,
        },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ items: indexSummaries(desk.market) }),
  );

  app.get(
    '/api/v1/admin/market/indices/:code',
    { ...DESK_GUARD, schema: { params: CodeParams, response: { 200: IndexJson, ...ERRORS } } },
    async (request, reply) => {
      const { code } = request.params;
      const index = desk.market.snapshot().indices.find((i) => i.code === code);
      const members = memberRows(desk.market, code);
      if (index === undefined || members === undefined) return sendApiError(reply, 404, `There is no index ${code}.`);
      return reply.header('cache-control', 'no-store').send({
        code,
        name: index.name,
        value: index.value,
        previousClose: index.previousClose,
        constituents: members.map(memberJson),
        pending: desk.market
          .scheduledRecompositions()
          .filter((r) => r.code === code)
          .map(recompositionJson),
      });
    },
  );

  app.post(
    '/api/v1/admin/market/indices/:code/recompositions',
    {
      ...DESK_GUARD,
      schema: { params: CodeParams, body: RecompositionBody, response: { 201: RecompositionJson, ...ERRORS } },
    },
    async (request, reply) => {
      const { code } = request.params;
      const { effective, add = [], remove = [] } = request.body;
      const outcome = await desk.scheduleRecomposition(actorOf(request), code, effective, { add, remove });
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(recompositionJson({ code, effective, constituents: outcome.value }));
    },
  );

  app.delete(
    '/api/v1/admin/market/indices/:code/recompositions/:effective',
    {
      ...DESK_GUARD,
      schema: { params: RecompositionParams, response: { 204: Type.Null(), ...ERRORS } },
    },
    async (request, reply) => {
      const { code, effective } = request.params;
      const outcome = await desk.cancelRecomposition(actorOf(request), code, effective);
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return reply.code(204).header('cache-control', 'no-store').send(null);
    },
  );
}

const RecompositionParams = Type.Object({
  code: Type.String({ maxLength: 16 }),
  effective: Type.String({ maxLength: 10 }),
});
