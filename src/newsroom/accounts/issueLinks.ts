import type { FastifyRequest } from 'fastify';
import type { AccountChangeRefusal } from '../../news/accountChange.js';
import type { AccountLinkOffer } from '../../news/accountLinkMail.js';
import {
  INVITATION_LIFETIME_MS,
  invitationPath,
  PASSWORD_RESET_LIFETIME_MS,
  passwordResetPath,
} from '../../news/accountLinks.js';
import type { Actor, Role } from '../../news/roles.js';
import { refusal } from '../../shared/outcome.js';
import { DuplicateEmailError } from '../../store/accounts/accounts.js';
import type { AdminContext } from '../http/adminContext.js';
import { deliverLink, type LinkDelivery } from './deliverLink.js';

/** A one-time link just made and passed on (mailed, or to be shown to the admin). */
export interface IssuedAccountLink {
  /** The reset link's or the invitation's id. */
  readonly id: number;
  readonly path: string;
  readonly mail: AccountLinkOffer;
  readonly delivered: { readonly delivery: LinkDelivery; readonly reason?: string };
}

export type IssueOutcome = { readonly ok: true; readonly value: IssuedAccountLink } | AccountChangeRefusal;

/**
 * A password reset link for account `userId`, passed on and audited; the
 * users pages and the JSON API both make them here. None for a disabled account.
 */
export async function issueResetLink(
  ctx: AdminContext,
  request: FastifyRequest,
  input: { readonly actor: Actor; readonly userId: number },
): Promise<IssueOutcome> {
  const { actor, userId } = input;
  const account = await ctx.accounts.get(userId);
  if (account === null) return noSuchAccount();
  if (account.disabledAt !== null) {
    return {
      ...refusal('conflict', `${account.name}’s account is disabled: enable it first. No link was made.`),
      title: 'Account disabled',
    };
  }
  const issued = await ctx.accounts.createPasswordReset({
    userId,
    now: ctx.now(),
    lifetimeMs: PASSWORD_RESET_LIFETIME_MS,
    createdBy: actor.name,
  });
  if (issued === null) return noSuchAccount();
  const link = {
    path: passwordResetPath(issued.token),
    mail: { kind: 'reset', to: account.email, name: account.name, expiresAt: issued.expiresAt },
  } as const;
  const delivered = await deliverLink(ctx, request, link);
  await ctx.audit.record({
    at: ctx.now(),
    actor,
    action: 'user.reset-link-create',
    subject: { type: 'user', id: userId },
    details: { link: issued.id, expiresAt: issued.expiresAt.toISOString(), delivery: delivered.delivery },
  });
  return { ok: true, value: { id: issued.id, ...link, delivered } };
}

/** An invitation for an address and a role, passed on and audited. Refused when the address has an account. */
export async function issueInvitation(
  ctx: AdminContext,
  request: FastifyRequest,
  input: { readonly actor: Actor; readonly email: string; readonly role: Role },
): Promise<IssueOutcome> {
  const { actor, role } = input;
  let issued: Awaited<ReturnType<typeof ctx.accounts.createInvitation>>;
  try {
    issued = await ctx.accounts.createInvitation({
      email: input.email,
      role,
      now: ctx.now(),
      lifetimeMs: INVITATION_LIFETIME_MS,
      createdBy: actor.name,
    });
  } catch (error) {
    if (!(error instanceof DuplicateEmailError)) throw error;
    return {
      ...refusal(
        'conflict',
        'This address has an account already. Nothing was made; a password reset link may be what they need.',
      ),
      title: 'Address taken',
    };
  }
  const link = {
    path: invitationPath(issued.token),
    mail: { kind: 'invitation', to: issued.email, role, expiresAt: issued.expiresAt },
  } as const;
  const delivered = await deliverLink(ctx, request, link);
  await ctx.audit.record({
    at: ctx.now(),
    actor,
    action: 'user.invite',
    subject: { type: 'invitation', id: issued.id },
    details: { email: issued.email, role, expiresAt: issued.expiresAt.toISOString(), delivery: delivered.delivery },
  });
  return { ok: true, value: { id: issued.id, ...link, delivered } };
}

function noSuchAccount(): AccountChangeRefusal {
  return { ...refusal('not-found', 'There is no account with this id.'), title: 'No such account' };
}
