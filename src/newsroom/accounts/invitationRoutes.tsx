import { Type } from '@sinclair/typebox';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { isRole, ROLES } from '../../news/roles.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminRefusal } from '../http/adminPages.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { type MadeLink, sendLinkPage } from './deliverLink.js';
import { isEmailAddress } from './emailAddress.js';
import { issueInvitation } from './issueLinks.js';

const InvitationForm = Type.Object(
  { email: Type.String({ maxLength: 320 }), role: Type.String({ maxLength: 40 }) },
  { additionalProperties: true },
);

/** Invitations: an admin makes one for an address and a role, and may withdraw it before it is accepted. */
export function registerInvitationRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  app.post(
    '/admin/users/invitations',
    { onRequest: requirePermission('user.manage'), schema: { body: InvitationForm } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { email, role } = request.body;
      if (!isEmailAddress(email)) {
        return sendAdminRefusal(
          reply,
          'malformed',
          'Not an address',
          'Give the e-mail address of the person to invite.',
        );
      }
      if (!isRole(role)) {
        return sendAdminRefusal(reply, 'malformed', 'Unknown role', `A role is one of ${ROLES.join(', ')}.`);
      }
      const issued = await issueInvitation(ctx, request, { actor, email, role });
      if (!issued.ok) return sendAdminRefusal(reply, issued.reason, issued.title, issued.message);
      const { mail, path, delivered } = issued.value;
      const link: MadeLink = {
        path,
        mail,
        title: 'Invitation link',
        purpose: `With this link the holder of ${mail.to} makes their account, as ${role}, choosing a name and password.`,
        backPath: '/admin/users',
        backLabel: 'Back to users',
      };
      return sendLinkPage(ctx, request, reply, actor, link, delivered);
    },
  );

  app.post(
    '/admin/users/invitations/:id/revoke',
    {
      onRequest: requirePermission('user.manage'),
      schema: { params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const revoked = await ctx.accounts.revokeInvitation({ id, now: ctx.now() });
      if (revoked === null) {
        return sendAdminRefusal(
          reply,
          'not-found',
          'No such invitation',
          'There is no invitation waiting with this id: it was accepted or withdrawn already.',
        );
      }
      await ctx.audit.record({
        at: ctx.now(),
        actor,
        action: 'user.invitation-revoke',
        subject: { type: 'invitation', id },
        details: { email: revoked.email },
      });
      return reply.redirect('/admin/users?notice=invitation-revoked', 303);
    },
  );
}
