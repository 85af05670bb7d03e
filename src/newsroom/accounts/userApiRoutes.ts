import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AccountAction, changeAccount } from '../../desk/accounts/changeAccount.js';
import { ApiErrorSchema, sendApiError } from '../../http/apiError.js';
import { sendApiRefusal } from '../../http/refusalStatus.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { isRole, ROLES } from '../../news/roles.js';
import type { Account } from '../../store/accounts/accounts.js';
import type { AdminContext } from '../http/adminContext.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { isEmailAddress } from './emailAddress.js';
import { type IssueOutcome, issueInvitation, issueResetLink } from './issueLinks.js';
import { linkAddress } from './linkAddress.js';

const UserParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const UserJson = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  createdAt: Type.String(),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
});
/** How a link reached its person; `link` only when it was not mailed, for the caller to pass on. */
const Delivery = {
  delivery: Type.Union([Type.Literal('mailed'), Type.Literal('shown'), Type.Literal('mail-failed')]),
  link: Type.Optional(Type.String()),
  mailProblem: Type.Optional(Type.String()),
};
const errors = { '4xx': ApiErrorSchema };
const NO_ROLE = `A role is one of ${ROLES.join(', ')}.`;

/**
 * `/api/v1/admin/users`: the accounts pages' changes for scripts and enhanced
 * pages, under the same rules (src/desk/accounts/changeAccount.ts): nobody
 * demotes, disables or signs out their own account here, and the last active
 * admin stays.
 */
export function registerUserApiRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const guard = { onRequest: requirePermission('user.manage') };

  app.get(
    '/api/v1/admin/users',
    {
      ...guard,
      schema: {
        response: {
          200: Type.Object({
            items: Type.Array(UserJson),
            invitations: Type.Array(
              Type.Object({
                id: Type.Integer(),
                email: Type.String(),
                role: Type.String(),
                createdBy: Type.String(),
                createdAt: Type.String(),
                expiresAt: Type.String(),
                expired: Type.Boolean(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (_request, reply) => {
      const now = ctx.now().getTime();
      const invitations = (await ctx.accounts.listPendingInvitations()).map((invitation) => ({
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        createdBy: invitation.createdBy,
        createdAt: invitation.createdAt.toISOString(),
        expiresAt: invitation.expiresAt.toISOString(),
        expired: invitation.expiresAt.getTime() <= now,
      }));
      const items = (await ctx.accounts.list()).map(userJson);
      return reply.header('cache-control', 'no-store').send({ items, invitations });
    },
  );

  app.get(
    '/api/v1/admin/users/:id',
    { ...guard, schema: { params: UserParams, response: { 200: Type.Object({ user: UserJson }), ...errors } } },
    async (request, reply) => {
      const account = await ctx.accounts.get(request.params.id);
      if (account === null) return sendApiError(reply, 404, 'There is no account with this id.');
      return reply.header('cache-control', 'no-store').send({ user: userJson(account) });
    },
  );

  app.post(
    '/api/v1/admin/users/invitations',
    {
      ...guard,
      schema: {
        body: Type.Object(
          { email: Type.String({ maxLength: 320 }), role: Type.String({ maxLength: 40 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            invitation: Type.Object({
              id: Type.Integer(),
              email: Type.String(),
              role: Type.String(),
              expiresAt: Type.String(),
            }),
            ...Delivery,
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { email, role } = request.body;
      const problems = [
        ...(isEmailAddress(email) ? [] : [{ field: 'email', message: 'Give the e-mail address of the person.' }]),
        ...(isRole(role) ? [] : [{ field: 'role', message: NO_ROLE }]),
      ];
      if (problems.length > 0 || !isRole(role)) {
        return sendApiError(reply, 422, 'Nothing was made.', problems);
      }
      const issued = await issueInvitation(ctx, request, { actor: actorOf(request), email, role });
      if (!issued.ok) return sendApiRefusal(reply, issued);
      const { id, mail } = issued.value;
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({
          invitation: { id, email: mail.to, role, expiresAt: mail.expiresAt.toISOString() },
          ...deliveryJson(ctx, request, issued),
        });
    },
  );

  app.put(
    '/api/v1/admin/users/:id/role',
    {
      ...guard,
      schema: {
        params: UserParams,
        body: Type.Object({ role: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ user: UserJson, from: Type.String() }), ...errors },
      },
    },
    async (request, reply) => {
      const { role } = request.body;
      if (!isRole(role)) return sendApiError(reply, 422, NO_ROLE, [{ field: 'role', message: NO_ROLE }]);
      return change(ctx, request, reply, { kind: 'role', role });
    },
  );

  for (const [path, action] of [
    ['disable', { kind: 'disable' }],
    ['enable', { kind: 'enable' }],
    ['sign-out-everywhere', { kind: 'sign-out-everywhere' }],
  ] as const) {
    app.post(
      `/api/v1/admin/users/:id/${path}`,
      {
        ...guard,
        schema: {
          params: UserParams,
          response: {
            200: Type.Object({ user: UserJson, sessionsEnded: Type.Optional(Type.Integer()) }),
            ...errors,
          },
        },
      },
      async (request, reply) => change(ctx, request, reply, action),
    );
  }

  app.post(
    '/api/v1/admin/users/:id/reset-link',
    {
      ...guard,
      schema: {
        params: UserParams,
        response: {
          201: Type.Object({ resetLink: Type.Object({ id: Type.Integer(), expiresAt: Type.String() }), ...Delivery }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const issued = await issueResetLink(ctx, request, { actor: actorOf(request), userId: request.params.id });
      if (!issued.ok) return sendApiRefusal(reply, issued);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({
          resetLink: { id: issued.value.id, expiresAt: issued.value.mail.expiresAt.toISOString() },
          ...deliveryJson(ctx, request, issued),
        });
    },
  );
}

async function change(
  ctx: AdminContext,
  request: FastifyRequest & { readonly params: { readonly id: number } },
  reply: FastifyReply,
  action: AccountAction,
): Promise<FastifyReply> {
  const changed = await changeAccount(ctx, { actor: actorOf(request), id: request.params.id, action });
  if (!changed.ok) return sendApiRefusal(reply, changed);
  const { account, from, sessionsEnded } = changed.value;
  return reply.header('cache-control', 'no-store').send({
    user: userJson(account),
    ...(from !== undefined ? { from } : {}),
    ...(sessionsEnded !== undefined ? { sessionsEnded } : {}),
  });
}

function userJson(account: Account) {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    role: account.role,
    status: account.disabledAt === null ? ('active' as const) : ('disabled' as const),
    createdAt: account.createdAt.toISOString(),
    disabledAt: account.disabledAt?.toISOString() ?? null,
  };
}

/** The link itself only when it did not go by mail: a mailed link stays between the server and its person. */
function deliveryJson(ctx: AdminContext, request: FastifyRequest, issued: Extract<IssueOutcome, { ok: true }>) {
  const { delivery, reason } = issued.value.delivered;
  return {
    delivery,
    ...(delivery !== 'mailed' ? { link: linkAddress(ctx, request, issued.value.path) } : {}),
    ...(reason !== undefined ? { mailProblem: reason } : {}),
  };
}
