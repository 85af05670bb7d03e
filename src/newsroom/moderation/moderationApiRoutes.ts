import { Type } from '@sinclair/typebox';
import { applyBan, applyModeration, applyUnban, parseAddress } from '../../desk/moderation/commentModeration.js';
import { ApiErrorSchema, sendApiError } from '../../http/apiError.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { MODERATION_FILTERS, type ModerationAction, type QueuedComment } from '../../store/comments/moderation.js';
import type { AdminContext } from '../http/adminContext.js';
import { actorOf, requirePermission } from '../http/guard.js';

const Filter = Type.Union(MODERATION_FILTERS.map((filter) => Type.Literal(filter)));
/** A misspelt field is refused (docs/admin-api.md), never dropped while the rest is applied. */
const CLOSED = { additionalProperties: false } as const;
/** What a moderator sets: a reader-visible status, or `spam` (rejected and remembered as spam). */
const NewStatus = Type.Union([Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('spam')]);

const QueuedCommentJson = Type.Object({
  id: Type.Integer(),
  articleId: Type.Integer(),
  articleHeadline: Type.String(),
  name: Type.String(),
  email: Type.String(),
  body: Type.String(),
  status: Type.String(),
  markedSpam: Type.Boolean(),
  spamScore: Type.Integer(),
  spamReasons: Type.Array(Type.Object({ signal: Type.String(), points: Type.Integer() })),
  ip: Type.String(),
  addressBanned: Type.Boolean(),
  createdAt: Type.String(),
});

const BanJson = Type.Object({
  ip: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  bannedAt: Type.String(),
  bannedBy: Type.String(),
});

const ACTION_OF: Record<'approved' | 'rejected' | 'spam', ModerationAction> = {
  approved: 'approve',
  rejected: 'reject',
  spam: 'spam',
};

/** `/api/v1/admin/comments`: the same queue and actions for scripts (bearer token) and enhanced pages. */
export function registerModerationApiRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const guard = { onRequest: requirePermission('comment.moderate') };
  const errors = { '4xx': ApiErrorSchema };

  app.get(
    '/api/v1/admin/comments',
    {
      ...guard,
      schema: {
        querystring: Type.Object({
          status: Type.Optional(Filter),
          article: Type.Optional(Type.Integer({ minimum: 1 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(QueuedCommentJson),
            counts: Type.Record(Type.String(), Type.Integer()),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { status = 'pending', article, limit = 100 } = request.query;
      const [items, counts] = await Promise.all([
        ctx.moderation.queue({ filter: status, limit, ...(article !== undefined ? { articleId: article } : {}) }),
        ctx.moderation.counts(),
      ]);
      return reply.header('cache-control', 'no-store').send({ items: items.map(toJson), counts });
    },
  );

  app.patch(
    '/api/v1/admin/comments/:id',
    {
      ...guard,
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ status: NewStatus }, CLOSED),
        response: { 200: Type.Object({ id: Type.Integer(), status: NewStatus, changed: Type.Boolean() }), ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { status } = request.body;
      if ((await ctx.moderation.commentAddress(id)) === null)
        return sendApiError(reply, 404, `No comment has id ${id}.`);
      const outcome = await applyModeration(ctx, actorOf(request), { ids: [id], action: ACTION_OF[status] });
      return reply.header('cache-control', 'no-store').send({ id, status, changed: outcome.changed.length > 0 });
    },
  );

  app.patch(
    '/api/v1/admin/comments',
    {
      ...guard,
      schema: {
        body: Type.Object(
          {
            ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500 }),
            status: NewStatus,
          },
          CLOSED,
        ),
        response: { 200: Type.Object({ changed: Type.Array(Type.Integer()) }), ...errors },
      },
    },
    async (request, reply) => {
      const outcome = await applyModeration(ctx, actorOf(request), {
        ids: request.body.ids,
        action: ACTION_OF[request.body.status],
      });
      return reply.header('cache-control', 'no-store').send({ changed: [...outcome.changed] });
    },
  );

  app.get(
    '/api/v1/admin/comments/bans',
    { ...guard, schema: { response: { 200: Type.Object({ items: Type.Array(BanJson) }), ...errors } } },
    async (_request, reply) => {
      const bans = await ctx.moderation.listBans();
      return reply
        .header('cache-control', 'no-store')
        .send({ items: bans.map((ban) => ({ ...ban, bannedAt: ban.bannedAt.toISOString() })) });
    },
  );

  app.post(
    '/api/v1/admin/comments/bans',
    {
      ...guard,
      schema: {
        body: Type.Object(
          {
            ip: Type.String({ maxLength: 64 }),
            reason: Type.Optional(Type.String({ maxLength: 200 })),
          },
          CLOSED,
        ),
        response: { 201: BanJson, ...errors },
      },
    },
    async (request, reply) => {
      const ip = parseAddress(request.body.ip);
      if (ip === null) {
        return sendApiError(reply, 422, 'Not an IPv4 or IPv6 address.', [
          { field: 'ip', message: 'is not an address' },
        ]);
      }
      const actor = actorOf(request);
      const reason = request.body.reason?.trim() || null;
      await applyBan(ctx, actor, { ip, reason });
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ ip, reason, bannedAt: ctx.now().toISOString(), bannedBy: actor.name });
    },
  );

  app.delete(
    '/api/v1/admin/comments/bans/:ip',
    {
      ...guard,
      schema: {
        params: Type.Object({ ip: Type.String({ maxLength: 64 }) }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const ip = parseAddress(request.params.ip);
      if (ip === null || !(await applyUnban(ctx, actorOf(request), ip))) {
        return sendApiError(reply, 404, 'That address is not banned.');
      }
      return reply.code(204).header('cache-control', 'no-store').send(null);
    },
  );
}

function toJson(comment: QueuedComment) {
  return {
    id: comment.id,
    articleId: comment.articleId,
    articleHeadline: comment.article.headline,
    name: comment.name,
    email: comment.email,
    body: comment.body,
    status: comment.status,
    markedSpam: comment.markedSpam,
    spamScore: comment.spam.score,
    spamReasons: comment.spam.reasons.map((reason) => ({ ...reason })),
    ip: comment.ip,
    addressBanned: comment.addressBanned,
    createdAt: comment.createdAt.toISOString(),
  };
}
