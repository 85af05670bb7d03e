import { type Refusal, refusal } from '../shared/outcome.js';
import type { Role } from './roles.js';

/**
 * The changes an admin makes to another person's account, from the pages, the
 * JSON API or the command line. Enabling is not here: it can neither lock the
 * asker out nor leave the newsroom without an admin.
 */
export type AccountChange =
  | { readonly kind: 'role'; readonly role: Role }
  | { readonly kind: 'disable' }
  | { readonly kind: 'sign-out-everywhere' };

/** The account a change is aimed at, as the rule needs it. */
export interface AccountChangeTarget {
  readonly id: number;
  readonly email: string;
  readonly role: Role;
  readonly disabled: boolean;
}

/** A refusal with the heading a page shows above its message. */
export interface AccountChangeRefusal extends Refusal {
  readonly title: string;
}

/**
 * Why a change may not be made, or null. Two rules, checked in this order:
 * nobody changes their own role, disables themselves or signs their own
 * account out everywhere from another's page (another admin must, so one
 * slip cannot lock the asker out); and the last active admin is never demoted
 * nor disabled (nobody could then manage accounts but from the command line).
 * `askerUserId` is the person asking, null for an API token or the command
 * line; `otherActiveAdmins` counts the active admins besides the target.
 */
export function accountChangeRefusal(input: {
  readonly askerUserId: number | null;
  readonly target: AccountChangeTarget;
  readonly change: AccountChange;
  readonly otherActiveAdmins: number;
}): AccountChangeRefusal | null {
  const { target, change } = input;
  if (input.askerUserId === target.id) return ownAccountRefusal(change);
  const removesAnAdmin =
    target.role === 'admin' &&
    !target.disabled &&
    (change.kind === 'disable' || (change.kind === 'role' && change.role !== 'admin'));
  if (removesAnAdmin && input.otherActiveAdmins === 0) {
    return {
      ...refusal('conflict', `${target.email} is the last active admin: make another admin first.`),
      title: 'The last admin',
    };
  }
  return null;
}

function ownAccountRefusal(change: AccountChange): AccountChangeRefusal {
  switch (change.kind) {
    case 'role':
      return { ...refusal('malformed', 'Ask another admin to change your role.'), title: 'Not your own role' };
    case 'disable':
      return {
        ...refusal('malformed', 'Ask another admin to disable your account.'),
        title: 'Not your own account',
      };
    case 'sign-out-everywhere':
      return {
        ...refusal(
          'malformed',
          'End your own sessions on your account page, so this browser is not signed out by surprise.',
        ),
        title: 'Your own sessions',
      };
  }
}
