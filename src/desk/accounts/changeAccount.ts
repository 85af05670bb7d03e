import { type AccountChange, type AccountChangeRefusal, accountChangeRefusal } from '../../news/accountChange.js';
import type { Actor, Role } from '../../news/roles.js';
import { refusal } from '../../shared/outcome.js';
import { type Account, changeTarget, LastAdminError } from '../../store/accounts/accounts.js';
import type { AccountsStore } from '../../store/accounts/accountsStore.js';
import type { AuditStore } from '../../store/audit/auditLog.js';

/** What an admin does to another person's account: the guarded changes, and enabling. */
export type AccountAction = AccountChange | { readonly kind: 'enable' };

/** The account after the change, and what the change undid. */
export interface AccountChanged {
  readonly account: Account;
  /** The role it had, for a role change. */
  readonly from?: Role;
  /** Sessions signed out, for "sign out everywhere". */
  readonly sessionsEnded?: number;
}

export type AccountChangeOutcome = { readonly ok: true; readonly value: AccountChanged } | AccountChangeRefusal;

type Deps = {
  readonly accounts: AccountsStore;
  readonly audit: AuditStore;
  readonly now: () => Date;
};

const AUDIT_ACTION = {
  role: 'user.role-change',
  disable: 'user.disable',
  enable: 'user.enable',
  'sign-out-everywhere': 'user.sessions-end-all',
} as const satisfies Record<AccountAction['kind'], string>;

/**
 * One change to account `id` by `actor`, as the users pages and the JSON API
 * make it: refused by the newsroom's rule (src/news/accountChange.ts) before
 * anything is written, made, and audited. The store reads the last-admin rule
 * again under its locks, so two admins demoting each other at once still
 * leave one; that loser is refused here as the rule would have refused it.
 */
export async function changeAccount(
  ctx: Deps,
  input: { readonly actor: Actor; readonly id: number; readonly action: AccountAction },
): Promise<AccountChangeOutcome> {
  const { actor, id, action } = input;
  const account = await ctx.accounts.get(id);
  if (account === null) return noSuchAccount();
  if (action.kind !== 'enable') {
    const refused = accountChangeRefusal({
      askerUserId: actor.kind === 'user' ? actor.userId : null,
      target: changeTarget(account),
      change: action,
      otherActiveAdmins: await ctx.accounts.countOtherActiveAdmins(id),
    });
    if (refused !== null) return nothingChanged(refused);
  }
  let made: AccountChangeOutcome | Omit<AccountChanged, 'account'>;
  try {
    made = await apply(ctx, account, action);
  } catch (error) {
    if (!(error instanceof LastAdminError)) throw error;
    return nothingChanged({ ...refusal('conflict', error.message), title: 'The last admin' });
  }
  if ('ok' in made) return made;
  await ctx.audit.record({
    at: ctx.now(),
    actor,
    action: AUDIT_ACTION[action.kind],
    subject: { type: 'user', id },
    ...(action.kind === 'role' ? { details: { from: made.from, to: action.role } } : {}),
    ...(made.sessionsEnded !== undefined ? { details: { sessionsEnded: made.sessionsEnded } } : {}),
  });
  const after = await ctx.accounts.get(id);
  if (after === null) return noSuchAccount();
  return { ok: true, value: { account: after, ...made } };
}

async function apply(
  ctx: Deps,
  account: Account,
  action: AccountAction,
): Promise<AccountChangeOutcome | Omit<AccountChanged, 'account'>> {
  const { id } = account;
  switch (action.kind) {
    case 'role': {
      const from = await ctx.accounts.setRole({ id, role: action.role, now: ctx.now() });
      return from === null ? noSuchAccount() : { from };
    }
    case 'disable':
      if (account.disabledAt !== null || !(await ctx.accounts.disable({ id, now: ctx.now() }))) {
        return { ...refusal('conflict', `${account.name}’s account is disabled already.`), title: 'Already disabled' };
      }
      return {};
    case 'enable':
      if (!(await ctx.accounts.enable({ id }))) {
        return { ...refusal('conflict', `${account.name}’s account is active already.`), title: 'Not disabled' };
      }
      return {};
    case 'sign-out-everywhere':
      return { sessionsEnded: await ctx.accounts.endAllSessions({ userId: id, now: ctx.now() }) };
  }
}

function noSuchAccount(): AccountChangeRefusal {
  return { ...refusal('not-found', 'There is no account with this id.'), title: 'No such account' };
}

function nothingChanged(refused: AccountChangeRefusal): AccountChangeRefusal {
  return { ...refused, message: `${refused.message} Nothing was changed.` };
}
