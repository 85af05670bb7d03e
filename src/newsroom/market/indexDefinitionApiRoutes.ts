import { Type } from '@sinclair/typebox';
import { definitionJson, levelOf } from '../../desk/market/indexDefinitionText.js';
import { ApiErrorSchema, sendApiError } from '../../http/apiError.js';
import { sendApiRefusal } from '../../http/refusalStatus.js';
import { actorOf } from '../http/guard.js';
import { DESK_GUARD, type DeskRoutes } from './deskRouteKit.js';
import {
  CodeParams,
  ConstituentsBody,
  ConstituentsJson,
  IndexDefinitionBody,
  IndexDefinitionJson,
} from './marketDeskSchemas.js';

const ERRORS = { '4xx': ApiErrorSchema };

/**
 * Defining indices from scratch for scripts and `broadsheet market index
 * --server`: every definition at `GET /api/v1/admin/market/index-definitions`,
 * a new one by `POST /api/v1/admin/market/indices`, its definition at
 * `GET …/indices/{code}/definition`, new members at `PUT
 * …/indices/{code}/constituents`, and `DELETE …/indices/{code}`.
 */
export function registerIndexDefinitionApiRoutes({ app, desk }: DeskRoutes): void {
  app.get(
    '/api/v1/admin/market/index-definitions',
    { ...DESK_GUARD, schema: { response: { 200: Type.Array(IndexDefinitionJson), ...ERRORS } } },
    async (_request, reply) =>
      reply.header('cache-control', 'no-store').send(desk.indexDefinitions().map(definitionJson)),
  );

  app.post(
    '/api/v1/admin/market/indices',
    { ...DESK_GUARD, schema: { body: IndexDefinitionBody, response: { 201: IndexDefinitionJson, ...ERRORS } } },
    async (request, reply) => {
      const body = request.body;
      const outcome = await desk.defineIndex(
        actorOf(request),
        {
          code: body.code,
          name: body.name.trim(),
          weighting: body.weighting ?? 'free-float',
          returnType: body.returnType ?? 'price',
          baseValue: levelOf(body.baseValue),
          ...(body.baseDate === undefined ? {} : { baseDate: body.baseDate }),
          ...(body.startLevel === undefined ? {} : { startLevel: levelOf(body.startLevel) }),
          ...(body.maxWeight === undefined ? {} : { maxWeightBasisPoints: body.maxWeight }),
        },
        body.constituents ?? [],
      );
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .header('location', `/api/v1/admin/market/indices/${encodeURIComponent(body.code)}/definition`)
        .send(definitionJson(outcome.value));
    },
  );

  app.get(
    '/api/v1/admin/market/indices/:code/definition',
    { ...DESK_GUARD, schema: { params: CodeParams, response: { 200: IndexDefinitionJson, ...ERRORS } } },
    async (request, reply) => {
      const view = desk.indexDefinition(request.params.code);
      if (view === undefined) return sendApiError(reply, 404, `There is no index ${request.params.code}.`);
      return reply.header('cache-control', 'no-store').send(definitionJson(view));
    },
  );

  app.put(
    '/api/v1/admin/market/indices/:code/constituents',
    {
      ...DESK_GUARD,
      schema: { params: CodeParams, body: ConstituentsBody, response: { 200: ConstituentsJson, ...ERRORS } },
    },
    async (request, reply) => {
      const { code } = request.params;
      const { constituents, effective, startLevel } = request.body;
      const outcome = await desk.setConstituents(actorOf(request), code, constituents, {
        ...(effective === undefined ? {} : { effective }),
        ...(startLevel === undefined ? {} : { startLevel: levelOf(startLevel) }),
      });
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      const change = outcome.value;
      return reply
        .header('cache-control', 'no-store')
        .send({ code, ...change, constituents: [...change.constituents] });
    },
  );

  app.delete(
    '/api/v1/admin/market/indices/:code',
    { ...DESK_GUARD, schema: { params: CodeParams, response: { 204: Type.Null(), ...ERRORS } } },
    async (request, reply) => {
      const outcome = await desk.withdrawIndex(actorOf(request), request.params.code);
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      return reply.code(204).header('cache-control', 'no-store').send(null);
    },
  );
}
