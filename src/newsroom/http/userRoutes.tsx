import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { isRole } from '../../news/roles.js';
import { LastAdminError } from '../../store/accounts/accounts.js';
import { UsersPage } from '../pages/UsersPage.js';
import type { AdminContext } from './adminContext.js';
import { sendAdminPage, sendAdminRefusal } from './adminPages.js';
import { csrfTokenFor } from './csrf.js';
import { actorOf, requirePermission } from './guard.js';
import { noticeFlash } from './noticeFlash.js';

// Messages after a redirect are picked from this list by name, never echoed from the URL.
export const USER_NOTICES = {
  'role-changed': 'Role changed. That person must sign in again.',
  disabled: 'Account disabled and signed out everywhere.',
  enabled: 'Account enabled: that person can sign in again with their password.',
  'invitation-revoked': 'Invitation withdrawn: its link no longer works.',
  'session-ended': 'That session has been signed out.',
  'sessions-ended': 'Signed out everywhere.',
} as const satisfies Record<string, string>;

export const UserParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Accounts: list, change a role, disable, enable. Invitations, reset links and sessions: ../accounts/. */
export function registerUserRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  app.get(
    '/admin/users',
    {
      onRequest: requirePermission('user.manage'),
      schema: { querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) }) },
    },
    async (request, reply) => {
      const flash = noticeFlash(USER_NOTICES, request.query.notice);
      return sendAdminPage(
        reply,
        <UsersPage
          actor={actorOf(request)}
          csrfToken={csrfTokenFor(reply)}
          accounts={await ctx.accounts.list()}
          invitations={await ctx.accounts.listPendingInvitations()}
          now={ctx.now()}
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
      let before: Awaited<ReturnType<typeof ctx.accounts.setRole>>;
      try {
        before = await ctx.accounts.setRole({ id, role, now: ctx.now() });
      } catch (error) {
        if (error instanceof LastAdminError) return lastAdmin(reply, error);
        throw error;
      }
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
      const account = await ctx.accounts.get(id);
      if (account === null) {
        return sendAdminRefusal(reply, 'not-found', 'No such account', 'There is no account with this id.');
      }
      if (account.disabledAt !== null) {
        return sendAdminRefusal(
          reply,
          'conflict',
          'Already disabled',
          `${account.name}’s account is disabled already.`,
        );
      }
      try {
        if (!(await ctx.accounts.disable({ id, now: ctx.now() }))) {
          return sendAdminRefusal(reply, 'conflict', 'Already disabled', 'Someone disabled this account just now.');
        }
      } catch (error) {
        if (error instanceof LastAdminError) return lastAdmin(reply, error);
        throw error;
      }
      await ctx.audit.record({ at: ctx.now(), actor, action: 'user.disable', subject: { type: 'user', id } });
      return reply.redirect('/admin/users?notice=disabled', 303);
    },
  );

  app.post(
    '/admin/users/:id/enable',
    { onRequest: requirePermission('user.manage'), schema: { params: UserParams } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const account = await ctx.accounts.get(id);
      if (account === null) {
        return sendAdminRefusal(reply, 'not-found', 'No such account', 'There is no account with this id.');
      }
      if (!(await ctx.accounts.enable({ id }))) {
        return sendAdminRefusal(reply, 'conflict', 'Not disabled', `${account.name}’s account is active already.`);
      }
      await ctx.audit.record({ at: ctx.now(), actor, action: 'user.enable', subject: { type: 'user', id } });
      return reply.redirect('/admin/users?notice=enabled', 303);
    },
  );
}

function lastAdmin(reply: FastifyReply, error: LastAdminError): FastifyReply {
  return sendAdminRefusal(reply, 'conflict', 'The last admin', `${error.message} Nothing was changed.`);
}
