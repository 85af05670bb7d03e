import { Type } from '@sinclair/typebox';
import { applyBan, applyModeration, applyUnban, parseAddress } from '../../desk/moderation/commentModeration.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { MODERATION_FILTERS, type ModerationAction, type ModerationFilter } from '../../store/comments/moderation.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import { ModerationPage } from './ModerationPage.js';

/** Comments shown on one page of the queue. */
const QUEUE_PAGE = 100;

// Messages after a redirect are picked from this list by name, never echoed from the URL.
const NOTICES = {
  approve: 'Comments approved; readers see them now.',
  reject: 'Comments rejected.',
  spam: 'Comments marked as spam.',
  none: 'Nothing changed: no comment was selected, or they already had that status.',
  banned: 'Address banned: its new comments are refused.',
  lifted: 'Ban lifted.',
} as const satisfies Record<string, string>;

const ACT = /^(approve|reject|spam|ban)(?::([1-9][0-9]{0,9}))?$/;
const Filter = Type.Union(MODERATION_FILTERS.map((filter) => Type.Literal(filter)));

/** `/admin/comments`: the moderation queue as pages (forms post back and redirect). */
export function registerModerationRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const guard = { onRequest: requirePermission('comment.moderate') };

  app.get(
    '/admin/comments',
    {
      ...guard,
      schema: {
        querystring: Type.Object({
          status: Type.Optional(Filter),
          article: Type.Optional(Type.Integer({ minimum: 1 })),
          notice: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
    },
    async (request, reply) => {
      const filter: ModerationFilter = request.query.status ?? 'pending';
      const articleId = request.query.article ?? null;
      const [counts, queue, waiting, bans] = await Promise.all([
        ctx.moderation.counts(),
        ctx.moderation.queue({ filter, limit: QUEUE_PAGE, ...(articleId !== null ? { articleId } : {}) }),
        ctx.moderation.pendingCountsByArticle(),
        ctx.moderation.listBans(),
      ]);
      const flash = noticeFlash(NOTICES, request.query.notice);
      return sendAdminPage(
        reply,
        <ModerationPage
          actor={actorOf(request)}
          csrfToken={csrfTokenFor(reply)}
          filter={filter}
          articleId={articleId}
          counts={counts}
          queue={queue}
          waiting={waiting}
          bans={bans}
          {...(flash !== undefined ? { flash } : {})}
        />,
      );
    },
  );

  // One form for the whole queue: `act` is a bulk action over the ticked `ids`, or `action:id` for one row.
  app.post(
    '/admin/comments/moderate',
    {
      ...guard,
      schema: {
        body: Type.Object(
          {
            act: Type.String({ maxLength: 30 }),
            ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 })),
            back: Type.Optional(Filter),
          },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const match = ACT.exec(request.body.act);
      if (match === null)
        return sendAdminRefusal(reply, 'malformed', 'Unknown action', 'Choose approve, reject, spam or ban.');
      const [, verb, single] = match as unknown as [string, ModerationAction | 'ban', string | undefined];
      const back = `/admin/comments?status=${request.body.back ?? 'pending'}`;
      if (verb === 'ban') {
        if (single === undefined)
          return sendAdminRefusal(reply, 'malformed', 'Which comment?', 'Ban from one comment at a time.');
        const ip = await ctx.moderation.commentAddress(Number(single));
        if (ip === null)
          return sendAdminRefusal(reply, 'not-found', 'No such comment', 'There is no comment with this id.');
        await applyBan(ctx, actor, { ip, reason: `comment ${single}`, commentId: Number(single) });
        return reply.redirect(`${back}&notice=banned`, 303);
      }
      const ids = single !== undefined ? [Number(single)] : (request.body.ids ?? []);
      const outcome = await applyModeration(ctx, actor, { ids, action: verb });
      return reply.redirect(`${back}&notice=${outcome.changed.length > 0 ? verb : 'none'}`, 303);
    },
  );

  app.post(
    '/admin/comments/bans',
    {
      ...guard,
      schema: {
        body: Type.Object(
          { ip: Type.String({ maxLength: 64 }), reason: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const ip = parseAddress(request.body.ip);
      if (ip === null)
        return sendAdminRefusal(
          reply,
          'invalid',
          'Not an address',
          `"${request.body.ip}" is not an IPv4 or IPv6 address.`,
        );
      const reason = request.body.reason?.trim() || null;
      await applyBan(ctx, actorOf(request), { ip, reason });
      return reply.redirect('/admin/comments?status=pending&notice=banned', 303);
    },
  );

  app.post(
    '/admin/comments/bans/lift',
    {
      ...guard,
      schema: { body: Type.Object({ ip: Type.String({ maxLength: 64 }) }, { additionalProperties: true }) },
    },
    async (request, reply) => {
      const ip = parseAddress(request.body.ip);
      if (ip === null || !(await applyUnban(ctx, actorOf(request), ip))) {
        return sendAdminRefusal(reply, 'not-found', 'Not banned', 'That address is not banned.');
      }
      return reply.redirect('/admin/comments?status=pending&notice=lifted', 303);
    },
  );
}
