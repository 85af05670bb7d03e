import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AccountAction, changeAccount } from '../../desk/accounts/changeAccount.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { isRole } from '../../news/roles.js';
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
          mailsLinks={ctx.linkMailer !== null}
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
      const { role } = request.body;
      if (!isRole(role)) return sendAdminRefusal(reply, 'malformed', 'Unknown role', `There is no role "${role}".`);
      return changeFromPage(ctx, request, reply, { kind: 'role', role }, 'role-changed');
    },
  );

  app.post(
    '/admin/users/:id/disable',
    { onRequest: requirePermission('user.manage'), schema: { params: UserParams } },
    async (request, reply) => changeFromPage(ctx, request, reply, { kind: 'disable' }, 'disabled'),
  );

  app.post(
    '/admin/users/:id/enable',
    { onRequest: requirePermission('user.manage'), schema: { params: UserParams } },
    async (request, reply) => changeFromPage(ctx, request, reply, { kind: 'enable' }, 'enabled'),
  );
}

/** Makes a change asked for by a users page's form: back to the list with a notice, or the refusal's page. */
export async function changeFromPage(
  ctx: AdminContext,
  request: FastifyRequest & { readonly params: { readonly id: number } },
  reply: FastifyReply,
  action: AccountAction,
  notice: keyof typeof USER_NOTICES,
  back = '/admin/users',
): Promise<FastifyReply> {
  const changed = await changeAccount(ctx, { actor: actorOf(request), id: request.params.id, action });
  if (!changed.ok) return sendAdminRefusal(reply, changed.reason, changed.title, changed.message);
  return reply.redirect(`${back}?notice=${notice}`, 303);
}
