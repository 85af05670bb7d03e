import { Type } from '@sinclair/typebox';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { sessionIdOf } from '../../store/accounts/sessions.js';
import { SessionForm } from '../http/accountRoutes.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import { changeFromPage, USER_NOTICES, UserParams } from '../http/userRoutes.js';
import { type MadeLink, sendLinkPage } from './deliverLink.js';
import { issueResetLink } from './issueLinks.js';
import { UserPage } from './UserPage.js';

const NOT_FOUND = ['not-found', 'No such account', 'There is no account with this id.'] as const;

/** One account's page for admins: its sessions (ended one by one or all), and password reset links. */
export function registerUserAccessRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  app.get(
    '/admin/users/:id',
    {
      onRequest: requirePermission('user.manage'),
      schema: {
        params: UserParams,
        querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const account = await ctx.accounts.get(request.params.id);
      if (account === null) return sendAdminRefusal(reply, ...NOT_FOUND);
      const auth = request.adminAuth;
      const own = actor.kind === 'user' && actor.userId === account.id && auth?.via === 'session';
      const flash = noticeFlash(USER_NOTICES, request.query.notice);
      return sendAdminPage(
        reply,
        <UserPage
          actor={actor}
          csrfToken={csrfTokenFor(reply)}
          account={account}
          sessions={await ctx.accounts.listSessions({ userId: account.id, now: ctx.now(), policy: ctx.sessionPolicy })}
          currentSessionId={own && auth?.via === 'session' ? sessionIdOf(auth.sessionToken) : null}
          {...(flash !== undefined ? { flash } : {})}
        />,
      );
    },
  );

  app.post(
    '/admin/users/:id/sessions/end',
    { onRequest: requirePermission('user.manage'), schema: { params: UserParams, body: SessionForm } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      if ((await ctx.accounts.get(id)) === null) return sendAdminRefusal(reply, ...NOT_FOUND);
      const auth = request.adminAuth;
      if (auth?.via === 'session' && request.body.session === sessionIdOf(auth.sessionToken)) {
        return sendAdminRefusal(
          reply,
          'malformed',
          'Your own browser',
          'That is this browser: use “Sign out” to end it.',
        );
      }
      if (!(await ctx.accounts.endSessionById({ userId: id, sessionId: request.body.session }))) {
        return sendAdminRefusal(
          reply,
          'not-found',
          'No such session',
          'That session has ended already, or is not theirs.',
        );
      }
      await ctx.audit.record({ at: ctx.now(), actor, action: 'user.session-end', subject: { type: 'user', id } });
      return reply.redirect(`/admin/users/${id}?notice=session-ended`, 303);
    },
  );

  app.post(
    '/admin/users/:id/sessions/end-all',
    { onRequest: requirePermission('user.manage'), schema: { params: UserParams } },
    async (request, reply) =>
      changeFromPage(
        ctx,
        request,
        reply,
        { kind: 'sign-out-everywhere' },
        'sessions-ended',
        `/admin/users/${request.params.id}`,
      ),
  );

  app.post(
    '/admin/users/:id/reset-link',
    { onRequest: requirePermission('user.manage'), schema: { params: UserParams } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const issued = await issueResetLink(ctx, request, { actor, userId: id });
      if (!issued.ok) return sendAdminRefusal(reply, issued.reason, issued.title, issued.message);
      const { mail } = issued.value;
      const name = mail.kind === 'reset' ? mail.name : mail.to;
      const link: MadeLink = {
        path: issued.value.path,
        mail,
        title: 'Password reset link',
        purpose: `With this link ${name} (${mail.to}) chooses a new password; using it signs them out everywhere.`,
        backPath: `/admin/users/${id}`,
        backLabel: `Back to ${name}`,
      };
      return sendLinkPage(ctx, request, reply, actor, link, issued.value.delivered);
    },
  );
}
