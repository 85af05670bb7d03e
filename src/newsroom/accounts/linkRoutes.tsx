import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem } from '../../desk/accounts/passwordHash.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { invitationPath, type LinkProblem, linkProblemMessage, passwordResetPath } from '../../news/accountLinks.js';
import type { Role } from '../../news/roles.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminPage } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import type { Flash } from '../pages/AdminShell.js';
import { AcceptInvitationPage, LinkRefusedPage, ResetPasswordPage } from './LinkPages.js';

const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });

const PasswordFields = {
  password: Type.String({ maxLength: MAX_PASSWORD_LENGTH }),
  confirm: Type.String({ maxLength: MAX_PASSWORD_LENGTH }),
};

const MAX_NAME_LENGTH = 120;

/**
 * The pages behind one-time links, for people not signed in: a password reset
 * (`/admin/reset/{token}`) and an invitation (`/admin/invite/{token}`). The
 * token is the credential, so these routes have no guard; their forms carry a
 * CSRF token as the sign-in form does. Each page is sent with
 * `Referrer-Policy: no-referrer` so the link never leaves in a Referer header.
 */
export function registerLinkRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  app.get('/admin/reset/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    const check = await ctx.accounts.checkPasswordReset({ token, now: ctx.now() });
    if (!check.ok) return refused(reply, check.problem);
    return resetPage(reply, token, check.value.email, 200);
  });

  app.post(
    '/admin/reset/:token',
    {
      schema: { params: TokenParams, body: Type.Object(PasswordFields, { additionalProperties: true }) },
      preValidation: app.csrfProtection,
    },
    async (request, reply) => {
      const { token } = request.params;
      const check = await ctx.accounts.checkPasswordReset({ token, now: ctx.now() });
      if (!check.ok) return refused(reply, check.problem);
      const problem = newPasswordProblem(request.body.password, request.body.confirm);
      if (problem !== null) return resetPage(reply, token, check.value.email, 400, problem);
      const used = await ctx.accounts.usePasswordReset({
        token,
        passwordHash: await hashPassword(request.body.password),
        now: ctx.now(),
      });
      if (!used.ok) return refused(reply, used.problem);
      const { account, sessionsEnded } = used.value;
      await ctx.audit.record({
        at: ctx.now(),
        actor: { kind: 'anonymous', name: account.email },
        action: 'user.password-reset',
        subject: { type: 'user', id: account.id },
        details: { sessionsEnded, ip: request.ip },
      });
      return reply.header('referrer-policy', 'no-referrer').redirect('/admin/login?done=password-reset', 303);
    },
  );

  app.get('/admin/invite/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    const check = await ctx.accounts.checkInvitation({ token, now: ctx.now() });
    if (!check.ok) return refused(reply, check.problem);
    return invitationPage(reply, token, check.value, 200);
  });

  app.post(
    '/admin/invite/:token',
    {
      schema: {
        params: TokenParams,
        body: Type.Object(
          { name: Type.String({ maxLength: 1000 }), ...PasswordFields },
          { additionalProperties: true },
        ),
      },
      preValidation: app.csrfProtection,
    },
    async (request, reply) => {
      const { token } = request.params;
      const check = await ctx.accounts.checkInvitation({ token, now: ctx.now() });
      if (!check.ok) return refused(reply, check.problem);
      const name = request.body.name.trim();
      const problem =
        name === ''
          ? 'Give your name. Nothing was saved.'
          : name.length > MAX_NAME_LENGTH
            ? `A name may have at most ${MAX_NAME_LENGTH} characters. Nothing was saved.`
            : newPasswordProblem(request.body.password, request.body.confirm);
      if (problem !== null) return invitationPage(reply, token, check.value, 400, problem, request.body.name);
      const accepted = await ctx.accounts.acceptInvitation({
        token,
        name,
        passwordHash: await hashPassword(request.body.password),
        now: ctx.now(),
      });
      if (!accepted.ok) return refused(reply, accepted.problem);
      const account = accepted.value;
      await ctx.audit.record({
        at: ctx.now(),
        actor: { kind: 'user', userId: account.id, email: account.email, name: account.name, role: account.role },
        action: 'user.invitation-accept',
        subject: { type: 'user', id: account.id },
        details: { invitation: check.value.id, role: account.role, ip: request.ip },
      });
      return reply.header('referrer-policy', 'no-referrer').redirect('/admin/login?done=invitation-accepted', 303);
    },
  );
}

/** Why the two new passwords cannot be used, or null. */
function newPasswordProblem(password: string, confirm: string): string | null {
  if (password !== confirm) return 'The two passwords differ. Nothing was saved.';
  const problem = passwordProblem(password);
  return problem === null ? null : `${problem} Nothing was saved.`;
}

function refused(reply: FastifyReply, problem: LinkProblem): FastifyReply {
  // Unknown: never existed as far as anyone may learn (404); used, expired, withdrawn: gone (410); else a conflict.
  const status = problem === 'unknown' ? 404 : problem === 'disabled' || problem === 'taken' ? 409 : 410;
  const title = problem === 'unknown' ? 'Link not found' : 'Link no longer works';
  reply.header('referrer-policy', 'no-referrer');
  return sendAdminPage(reply, <LinkRefusedPage title={title} message={linkProblemMessage(problem)} />, status);
}

function resetPage(reply: FastifyReply, token: string, email: string, status: number, problem?: string) {
  reply.header('referrer-policy', 'no-referrer');
  return sendAdminPage(
    reply,
    <ResetPasswordPage
      email={email}
      action={passwordResetPath(token)}
      csrfToken={csrfTokenFor(reply)}
      {...flashOf(problem)}
    />,
    status,
  );
}

function invitationPage(
  reply: FastifyReply,
  token: string,
  offer: { readonly email: string; readonly role: Role },
  status: number,
  problem?: string,
  name?: string,
) {
  reply.header('referrer-policy', 'no-referrer');
  return sendAdminPage(
    reply,
    <AcceptInvitationPage
      email={offer.email}
      role={offer.role}
      action={invitationPath(token)}
      csrfToken={csrfTokenFor(reply)}
      {...(name !== undefined ? { name } : {})}
      {...flashOf(problem)}
    />,
    status,
  );
}

function flashOf(problem: string | undefined): { flash?: Flash } {
  return problem === undefined ? {} : { flash: { kind: 'error', message: problem } };
}
