import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import {
  hashPassword,
  MAX_PASSWORD_LENGTH,
  passwordProblem,
  verifyPassword,
} from '../../desk/accounts/passwordHash.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { Actor } from '../../news/roles.js';
import { sessionIdOf } from '../../store/accounts/sessions.js';
import { AccountPage } from '../pages/AccountPage.js';
import type { AdminContext } from './adminContext.js';
import { sendAdminPage, sendAdminRefusal } from './adminPages.js';
import { csrfTokenFor } from './csrf.js';
import { actorOf, requireSignedIn } from './guard.js';
import { noticeFlash } from './noticeFlash.js';

const NOTICES = {
  'password-changed': 'Password changed. Every other session of yours has been signed out.',
  'session-ended': 'That session has been signed out.',
  'others-ended': 'Every other session of yours has been signed out.',
} as const satisfies Record<string, string>;

const PasswordForm = Type.Object(
  {
    current: Type.String({ maxLength: MAX_PASSWORD_LENGTH }),
    password: Type.String({ maxLength: MAX_PASSWORD_LENGTH }),
    confirm: Type.String({ maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: true },
);

/** A session named in a form: the stored hash (64 hex digits), never the cookie's token. */
export const SessionForm = Type.Object(
  { session: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
  { additionalProperties: true },
);

/**
 * `/admin/account`: everyone's own account page; changing one's password
 * there ends one's other sessions, and one's sessions are listed and ended there.
 */
export function registerAccountRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  app.get(
    '/admin/account',
    {
      onRequest: requireSignedIn(),
      schema: { querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) }) },
    },
    async (request, reply) => {
      const flash = noticeFlash(NOTICES, request.query.notice);
      return accountPage(ctx, reply, actorOf(request), 200, flash);
    },
  );

  app.post(
    '/admin/account/sessions/end',
    { onRequest: requireSignedIn(), schema: { body: SessionForm } },
    async (request, reply) => {
      const actor = actorOf(request);
      const auth = request.adminAuth;
      if (actor.kind !== 'user' || auth?.via !== 'session') {
        return sendAdminRefusal(reply, 'malformed', 'No sessions', 'Only a person signed in has sessions to end.');
      }
      const { session } = request.body;
      if (session === sessionIdOf(auth.sessionToken)) {
        return accountPage(ctx, reply, actor, 400, error('That is this browser: use “Sign out” to end it.'));
      }
      if (!(await ctx.accounts.endSessionById({ userId: actor.userId, sessionId: session }))) {
        return accountPage(ctx, reply, actor, 404, error('You have no such session; it may have ended already.'));
      }
      await ctx.audit.record({
        at: ctx.now(),
        actor,
        action: 'user.session-end',
        subject: { type: 'user', id: actor.userId },
        details: { ip: request.ip },
      });
      return reply.redirect('/admin/account?notice=session-ended', 303);
    },
  );

  app.post('/admin/account/sessions/end-others', { onRequest: requireSignedIn() }, async (request, reply) => {
    const actor = actorOf(request);
    const auth = request.adminAuth;
    if (actor.kind !== 'user' || auth?.via !== 'session') {
      return sendAdminRefusal(reply, 'malformed', 'No sessions', 'Only a person signed in has sessions to end.');
    }
    const ended = await ctx.accounts.endOtherSessions({
      userId: actor.userId,
      keepSessionId: sessionIdOf(auth.sessionToken),
    });
    await ctx.audit.record({
      at: ctx.now(),
      actor,
      action: 'user.sessions-end-others',
      subject: { type: 'user', id: actor.userId },
      details: { sessionsEnded: ended, ip: request.ip },
    });
    return reply.redirect('/admin/account?notice=others-ended', 303);
  });

  app.post(
    '/admin/account/password',
    { onRequest: requireSignedIn(), schema: { body: PasswordForm } },
    async (request, reply) => {
      const actor = actorOf(request);
      const auth = request.adminAuth;
      if (actor.kind !== 'user' || auth?.via !== 'session') {
        return accountPage(ctx, reply, actor, 400, error('Only a person signed in with a password can change it.'));
      }
      const { current, password, confirm } = request.body;
      const account = await ctx.accounts.findByEmail(actor.email);
      if (account === null || !(await verifyPassword(current, account.passwordHash))) {
        await ctx.audit.record({
          at: ctx.now(),
          actor,
          action: 'user.password-change-refused',
          subject: { type: 'user', id: actor.userId },
          details: { reason: 'wrong-current-password', ip: request.ip },
        });
        return accountPage(ctx, reply, actor, 400, error('Your current password is not right. Nothing was changed.'));
      }
      if (password !== confirm) {
        return accountPage(ctx, reply, actor, 400, error('The two new passwords differ. Nothing was changed.'));
      }
      const problem = passwordProblem(password);
      if (problem !== null) return accountPage(ctx, reply, actor, 400, error(`${problem} Nothing was changed.`));
      if (password === current) {
        return accountPage(ctx, reply, actor, 400, error('The new password is the same as the current one.'));
      }
      await ctx.accounts.changePassword({
        id: actor.userId,
        passwordHash: await hashPassword(password),
        keepSessionId: sessionIdOf(auth.sessionToken),
      });
      await ctx.audit.record({
        at: ctx.now(),
        actor,
        action: 'user.password-change',
        subject: { type: 'user', id: actor.userId },
        details: { ip: request.ip },
      });
      return reply.redirect('/admin/account?notice=password-changed', 303);
    },
  );
}

function error(message: string) {
  return { kind: 'error' as const, message };
}

async function accountPage(
  ctx: AdminContext,
  reply: FastifyReply,
  actor: Actor,
  status: number,
  flash: ReturnType<typeof noticeFlash> | ReturnType<typeof error>,
) {
  const auth = reply.request.adminAuth;
  const sessions =
    actor.kind === 'user'
      ? await ctx.accounts.listSessions({ userId: actor.userId, now: ctx.now(), policy: ctx.sessionPolicy })
      : [];
  return sendAdminPage(
    reply,
    <AccountPage
      actor={actor}
      csrfToken={csrfTokenFor(reply)}
      sessions={sessions}
      currentSessionId={auth?.via === 'session' ? sessionIdOf(auth.sessionToken) : null}
      {...(flash !== undefined ? { flash } : {})}
    />,
    status,
  );
}
