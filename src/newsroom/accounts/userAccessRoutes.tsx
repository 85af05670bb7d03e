import { Type } from '@sinclair/typebox';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { PASSWORD_RESET_LIFETIME_MS, passwordResetPath } from '../../news/accountLinks.js';
import { sessionIdOf } from '../../store/accounts/sessions.js';
import { SessionForm } from '../http/accountRoutes.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import { USER_NOTICES, UserParams } from '../http/userRoutes.js';
import { deliverLink, type MadeLink, sendLinkPage } from './deliverLink.js';
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
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      if (actor.kind === 'user' && actor.userId === id) {
        return sendAdminRefusal(
          reply,
          'malformed',
          'Your own sessions',
          'End your own sessions on your account page, so this browser is not signed out by surprise.',
        );
      }
      if ((await ctx.accounts.get(id)) === null) return sendAdminRefusal(reply, ...NOT_FOUND);
      const ended = await ctx.accounts.endAllSessions({ userId: id, now: ctx.now() });
      await ctx.audit.record({
        at: ctx.now(),
        actor,
        action: 'user.sessions-end-all',
        subject: { type: 'user', id },
        details: { sessionsEnded: ended },
      });
      return reply.redirect(`/admin/users/${id}?notice=sessions-ended`, 303);
    },
  );

  app.post(
    '/admin/users/:id/reset-link',
    { onRequest: requirePermission('user.manage'), schema: { params: UserParams } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const account = await ctx.accounts.get(id);
      if (account === null) return sendAdminRefusal(reply, ...NOT_FOUND);
      if (account.disabledAt !== null) {
        return sendAdminRefusal(
          reply,
          'conflict',
          'Account disabled',
          `${account.name}’s account is disabled: enable it first. No link was made.`,
        );
      }
      const issued = await ctx.accounts.createPasswordReset({
        userId: id,
        now: ctx.now(),
        lifetimeMs: PASSWORD_RESET_LIFETIME_MS,
        createdBy: actor.name,
      });
      if (issued === null) return sendAdminRefusal(reply, ...NOT_FOUND);
      const link: MadeLink = {
        path: passwordResetPath(issued.token),
        mail: { kind: 'reset', to: account.email, name: account.name, expiresAt: issued.expiresAt },
        title: 'Password reset link',
        purpose: `With this link ${account.name} (${account.email}) chooses a new password; using it signs them out everywhere.`,
        backPath: `/admin/users/${id}`,
        backLabel: `Back to ${account.name}`,
      };
      const delivered = await deliverLink(ctx, request, link);
      await ctx.audit.record({
        at: ctx.now(),
        actor,
        action: 'user.reset-link-create',
        subject: { type: 'user', id },
        details: { link: issued.id, expiresAt: issued.expiresAt.toISOString(), delivery: delivered.delivery },
      });
      return sendLinkPage(ctx, request, reply, actor, link, delivered);
    },
  );
}
