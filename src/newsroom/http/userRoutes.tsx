import { Type } from '@sinclair/typebox';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { isRole } from '../../news/roles.js';
import { UsersPage } from '../pages/UsersPage.js';
import type { AdminContext } from './adminContext.js';
import { sendAdminPage, sendAdminRefusal } from './adminPages.js';
import { csrfTokenFor } from './csrf.js';
import { actorOf, requirePermission } from './guard.js';
import { noticeFlash } from './noticeFlash.js';

// Messages after a redirect are picked from this list by name, never echoed from the URL.
const NOTICES = {
  'role-changed': 'Role changed. That person must sign in again.',
  disabled: 'Account disabled and signed out everywhere.',
} as const satisfies Record<string, string>;

const UserParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Accounts: list, change a role, disable. Creating accounts is `broadsheet users add`. */
export function registerUserRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  app.get(
    '/admin/users',
    {
      onRequest: requirePermission('user.manage'),
      schema: { querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) }) },
    },
    async (request, reply) => {
      const flash = noticeFlash(NOTICES, request.query.notice);
      return sendAdminPage(
        reply,
        <UsersPage
          actor={actorOf(request)}
          csrfToken={csrfTokenFor(reply)}
          accounts={await ctx.accounts.list()}
          {...(flash !== undefined ? { flash } : {})}
        />,
      );
    },
  );

  app.post(
    '/admin/users/:id/role',
    {
      onRequest: requirePermission('user.manage'),
      schema: {
        params: UserParams,
        body: Type.Object({ role: Type.String({ maxLength: 40 }) }, { additionalProperties: true }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const { role } = request.body;
      if (!isRole(role)) return sendAdminRefusal(reply, 'malformed', 'Unknown role', `There is no role "${role}".`);
      if (actor.kind === 'user' && actor.userId === id) {
        return sendAdminRefusal(reply, 'malformed', 'Not your own role', 'Ask another admin to change your role.');
      }
      const before = await ctx.accounts.setRole({ id, role, now: ctx.now() });
      if (before === null)
        return sendAdminRefusal(reply, 'not-found', 'No such account', 'There is no account with this id.');
      await ctx.audit.record({
        at: ctx.now(),
        actor,
        action: 'user.role-change',
        subject: { type: 'user', id },
        details: { from: before, to: role },
      });
      return reply.redirect('/admin/users?notice=role-changed', 303);
    },
  );

  app.post(
    '/admin/users/:id/disable',
    { onRequest: requirePermission('user.manage'), schema: { params: UserParams } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      if (actor.kind === 'user' && actor.userId === id) {
        return sendAdminRefusal(
          reply,
          'malformed',
          'Not your own account',
          'Ask another admin to disable your account.',
        );
      }
      if ((await ctx.accounts.get(id)) === null) {
        return sendAdminRefusal(reply, 'not-found', 'No such account', 'There is no account with this id.');
      }
      if (await ctx.accounts.disable({ id, now: ctx.now() })) {
        await ctx.audit.record({
          at: ctx.now(),
          actor,
          action: 'user.disable',
          subject: { type: 'user', id },
        });
      }
      return reply.redirect('/admin/users?notice=disabled', 303);
    },
  );
}
