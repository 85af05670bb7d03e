import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { deskFor } from '../../desk/articles/deskFor.js';
import { apiErrorBody, sendApiError } from '../../http/apiError.js';
import { sendApiRefusal, statusForRefusal } from '../../http/refusalStatus.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { diffArticleFields } from '../../news/revisionDiff.js';
import { WORKFLOW_ACTIONS } from '../../news/workflow.js';
import type { Refusal } from '../../shared/outcome.js';
import type { AdminContext } from '../http/adminContext.js';
import { actorOf, requirePermission } from '../http/guard.js';
import {
  ArticleFieldsSchema,
  articleJson,
  correctionJson,
  diffJson,
  inputFromJson,
  listItemJson,
  revisionEntryJson,
  revisionJson,
  StatusSchema,
} from './articleJson.js';

const API = '/api/v1/admin/articles';
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const RevisionParams = Type.Object({ id: Type.Integer({ minimum: 1 }), number: Type.Integer({ minimum: 1 }) });
// The guard runs before body validation (after the scope's CSRF check): a stranger is told to sign in, not how to fill the form.
const write = { onRequest: requirePermission('article.write') };
const publish = { onRequest: requirePermission('article.publish') };

/** The newsroom's article actions as JSON under /api/v1/admin/articles (see docs/admin-api.md). */
export function registerArticleApiRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const desk = deskFor(ctx);
  const { workflow } = desk;

  app.get(
    API,
    {
      ...write,
      schema: {
        querystring: Type.Object({
          status: Type.Optional(StatusSchema),
          section: Type.Optional(Type.String({ maxLength: 100 })),
          author: Type.Optional(Type.String({ maxLength: 200 })),
          q: Type.Optional(Type.String({ maxLength: 200 })),
          since: Type.Optional(Type.String({ format: 'date-time' })),
          until: Type.Optional(Type.String({ format: 'date-time' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
        }),
      },
    },
    async (request, reply) => {
      const { status, section, author, q, since, until, limit = 50, offset = 0 } = request.query;
      const [from, to] = [since, until].map((text) => (text === undefined ? undefined : new Date(text)));
      if ([from, to].some((date) => date !== undefined && Number.isNaN(date.getTime()))) {
        return sendApiError(reply, 400, '`since` and `until` are ISO 8601 instants.');
      }
      const page = await workflow.list({
        limit,
        offset,
        ...(from !== undefined ? { since: from } : {}),
        ...(to !== undefined ? { until: to } : {}),
        ...(status !== undefined ? { status } : {}),
        ...(section !== undefined ? { sectionSlug: section } : {}),
        ...(author !== undefined ? { ownerName: author } : {}),
        ...(q !== undefined ? { search: q } : {}),
      });
      return noStore(reply).send({ total: page.total, items: page.items.map(listItemJson) });
    },
  );

  app.get(`${API}/:id`, { ...write, schema: { params: IdParams } }, async (request, reply) => {
    const article = await workflow.get(request.params.id);
    if (article === null) return sendApiError(reply, 404, 'There is no article with this id.');
    return noStore(reply).send(articleJson(article));
  });

  app.post(API, { ...write, bodyLimit: 1024 * 1024, schema: { body: ArticleFieldsSchema } }, async (request, reply) => {
    const result = await desk.create(actorOf(request), inputFromJson(request.body), request.body.note ?? 'Created');
    if (!result.ok) return refuse(reply, result, {});
    return noStore(reply).code(201).header('location', `${API}/${result.value.id}`).send(articleJson(result.value));
  });

  app.put(
    `${API}/:id`,
    {
      ...write,
      bodyLimit: 1024 * 1024,
      schema: {
        params: IdParams,
        body: Type.Composite([ArticleFieldsSchema, Type.Object({ baseRevision: Type.Integer({ minimum: 0 }) })], {
          additionalProperties: false,
        }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await desk.save(actorOf(request), {
        id,
        baseRevision: request.body.baseRevision,
        input: inputFromJson(request.body),
        ...(request.body.note !== undefined ? { note: request.body.note } : {}),
      });
      if (!result.ok) return refuse(reply, result, { id, base: request.body.baseRevision });
      return noStore(reply).send(articleJson(result.value));
    },
  );

  app.post(
    `${API}/:id/transition`,
    {
      ...write,
      schema: {
        params: IdParams,
        body: Type.Object(
          {
            action: Type.Union(WORKFLOW_ACTIONS.map((action) => Type.Literal(action))),
            at: Type.Optional(Type.String({ format: 'date-time', description: 'For schedule: an ISO 8601 instant' })),
            note: Type.Optional(
              Type.String({ maxLength: 5000, description: 'For sendBack: what the writer should change' }),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { action, at, note } = request.body;
      const when = at === undefined ? undefined : new Date(at);
      if (when !== undefined && Number.isNaN(when.getTime())) return sendApiError(reply, 400, '`at` is not a time.');
      const result = await desk.transition(actorOf(request), {
        id: request.params.id,
        action,
        ...(when !== undefined ? { at: when } : {}),
        ...(note !== undefined ? { note } : {}),
      });
      if (!result.ok) return refuse(reply, result, request.params);
      return noStore(reply).send(articleJson(result.value));
    },
  );

  app.put(
    `${API}/:id/embargo`,
    {
      ...publish,
      schema: {
        params: IdParams,
        body: Type.Object(
          {
            until: Type.Union([
              Type.String({ format: 'date-time', description: 'An ISO 8601 instant' }),
              Type.Null({ description: 'Lifts the embargo' }),
            ]),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { until } = request.body;
      const when = until === null ? null : new Date(until);
      if (when !== null && Number.isNaN(when.getTime())) return sendApiError(reply, 400, '`until` is not a time.');
      const result = await desk.embargo(actorOf(request), { id: request.params.id, until: when });
      if (!result.ok) return refuse(reply, result, request.params);
      return noStore(reply).send(articleJson(result.value));
    },
  );

  app.delete(`${API}/:id`, { ...write, schema: { params: IdParams } }, async (request, reply) => {
    const result = await desk.spike(actorOf(request), { id: request.params.id });
    if (!result.ok) return refuse(reply, result, request.params);
    return reply.code(204).send();
  });

  app.get(`${API}/:id/revisions`, { ...write, schema: { params: IdParams } }, async (request, reply) => {
    const article = await workflow.get(request.params.id);
    if (article === null) return sendApiError(reply, 404, 'There is no article with this id.');
    return noStore(reply).send({ items: (await workflow.revisions(article.id)).map(revisionEntryJson) });
  });

  app.get(`${API}/:id/revisions/:number`, { ...write, schema: { params: RevisionParams } }, async (request, reply) => {
    const revision = await workflow.revision(request.params.id, request.params.number);
    if (revision === null) return sendApiError(reply, 404, 'There is no such revision of this article.');
    return noStore(reply).send(revisionJson(revision));
  });

  app.get(
    `${API}/:id/diff`,
    {
      ...write,
      schema: {
        params: IdParams,
        querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const [older, newer] = await Promise.all([
        workflow.revision(id, request.query.from),
        workflow.revision(id, request.query.to),
      ]);
      if (older === null || newer === null)
        return sendApiError(reply, 404, 'There is no such revision of this article.');
      return noStore(reply).send(diffJson(older.number, newer.number, diffArticleFields(older.fields, newer.fields)));
    },
  );

  app.post(
    `${API}/:id/revisions/:number/restore`,
    {
      ...publish,
      schema: {
        params: RevisionParams,
        body: Type.Object({ baseRevision: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { id, number } = request.params;
      const result = await desk.restore(actorOf(request), { id, number, baseRevision: request.body.baseRevision });
      if (!result.ok) return refuse(reply, result, { id, base: request.body.baseRevision });
      return noStore(reply).send(articleJson(result.value));
    },
  );

  app.post(
    `${API}/:id/corrections`,
    {
      ...publish,
      schema: {
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('correction'), Type.Literal('update')]),
            text: Type.String({ maxLength: 5000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const result = await desk.correct(actorOf(request), { id: request.params.id, ...request.body });
      if (!result.ok) return refuse(reply, result, request.params);
      const c = result.value;
      return noStore(reply).code(201).send({ id: c.id, kind: c.kind, text: c.text, at: c.at.toISOString() });
    },
  );

  const NoteParams = Type.Object({ id: Type.Integer({ minimum: 1 }), correctionId: Type.Integer({ minimum: 1 }) });
  app.patch(
    `${API}/:id/corrections/:correctionId`,
    {
      ...publish,
      schema: {
        params: NoteParams,
        body: Type.Object({ text: Type.String({ maxLength: 5000 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { id, correctionId } = request.params;
      const result = await desk.changeCorrection(actorOf(request), {
        id,
        correctionId,
        change: { kind: 'amend', text: request.body.text },
      });
      if (!result.ok) return refuse(reply, result, { id });
      return noStore(reply).send(correctionJson(result.value));
    },
  );

  app.post(
    `${API}/:id/corrections/:correctionId/withdraw`,
    {
      ...publish,
      schema: {
        params: NoteParams,
        body: Type.Object({ note: Type.String({ maxLength: 5000 }) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { id, correctionId } = request.params;
      const result = await desk.changeCorrection(actorOf(request), {
        id,
        correctionId,
        change: { kind: 'withdraw', note: request.body.note },
      });
      if (!result.ok) return refuse(reply, result, { id });
      return noStore(reply).send(correctionJson(result.value));
    },
  );
}

/** A refused change; a stale save also says which revision is the latest and where to compare it with the caller's. */
function refuse(reply: FastifyReply, refusal: Refusal, where: { id?: number; base?: number }): FastifyReply {
  const latest = refusal.latestRevision;
  if (latest !== undefined && where.id !== undefined && where.base !== undefined) {
    // The editor's base may predate revisions (0): compare from the first one then.
    const from = Math.max(1, where.base);
    return reply
      .code(statusForRefusal(refusal.reason))
      .header('cache-control', 'no-store')
      .send({
        ...apiErrorBody(statusForRefusal(refusal.reason), refusal.message),
        latestRevision: latest,
        diffUrl: `${API}/${where.id}/diff?from=${from}&to=${latest}`,
      });
  }
  return sendApiRefusal(reply, refusal);
}

function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}
