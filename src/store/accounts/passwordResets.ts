import type { Kysely } from 'kysely';
import type { LinkProblem } from '../../news/accountLinks.js';
import type { Database } from '../database.js';
import { type Account, getAccount } from './accounts.js';
import { formatLinkToken, issueLinkSecret, parseLinkToken, secretMatches } from './linkSecret.js';

/** A link just made: `token` is shown once and never stored. */
export interface IssuedLink {
  readonly id: number;
  readonly token: string;
  readonly expiresAt: Date;
}

export type LinkCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: LinkProblem };

/**
 * A new reset link for an account; any earlier unused link of the account is
 * revoked, so only the newest one handed out works. Null when there is no
 * such account.
 */
export async function createPasswordReset(
  db: Kysely<Database>,
  input: { readonly userId: number; readonly now: Date; readonly lifetimeMs: number; readonly createdBy: string },
): Promise<IssuedLink | null> {
  return db.transaction().execute(async (trx) => {
    if ((await getAccount(trx, input.userId)) === null) return null;
    const at = input.now.getTime();
    await trx
      .updateTable('password_resets')
      .set({ revoked_at: at })
      .where('user_id', '=', input.userId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    const { secret, secretHash } = issueLinkSecret();
    const row = await trx
      .insertInto('password_resets')
      .values({
        user_id: input.userId,
        secret_hash: secretHash,
        created_at: at,
        created_by: input.createdBy.slice(0, 200),
        expires_at: at + input.lifetimeMs,
        used_at: null,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    return { id, token: formatLinkToken({ id, secret }), expiresAt: new Date(at + input.lifetimeMs) };
  });
}

/** The account a reset link would set the password of, or why it would not. Changes nothing. */
export async function checkPasswordReset(
  db: Kysely<Database>,
  input: { readonly token: string; readonly now: Date },
): Promise<LinkCheck<Account>> {
  const found = await liveReset(db, input);
  return found.ok ? { ok: true, value: found.value.account } : found;
}

/**
 * Uses a reset link: the new password is set, the link is spent, and every
 * session of the account ends (whoever held one may be who the reset is
 * meant to shut out). All of it or nothing; a link used twice at once
 * works for one of the two only.
 */
export async function usePasswordReset(
  db: Kysely<Database>,
  input: { readonly token: string; readonly passwordHash: string; readonly now: Date },
): Promise<LinkCheck<{ readonly account: Account; readonly sessionsEnded: number }>> {
  return db.transaction().execute(async (trx) => {
    const found = await liveReset(trx, input);
    if (!found.ok) return found;
    const at = input.now.getTime();
    const spent = await trx
      .updateTable('password_resets')
      .set({ used_at: at })
      .where('id', '=', found.value.id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return { ok: false, problem: 'used' };
    const { account } = found.value;
    await trx
      .updateTable('users')
      .set({ password_hash: input.passwordHash, sessions_valid_after: at })
      .where('id', '=', account.id)
      .execute();
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', account.id).executeTakeFirst();
    return { ok: true, value: { account, sessionsEnded: Number(ended.numDeletedRows) } };
  });
}

async function liveReset(
  db: Kysely<Database>,
  input: { readonly token: string; readonly now: Date },
): Promise<LinkCheck<{ readonly id: number; readonly account: Account }>> {
  const parsed = parseLinkToken(input.token);
  if (parsed === null) return { ok: false, problem: 'unknown' };
  const row = await db.selectFrom('password_resets').selectAll().where('id', '=', parsed.id).executeTakeFirst();
  if (row === undefined || !secretMatches(parsed.secret, row.secret_hash)) return { ok: false, problem: 'unknown' };
  if (row.used_at !== null) return { ok: false, problem: 'used' };
  if (row.revoked_at !== null) return { ok: false, problem: 'revoked' };
  if (input.now.getTime() >= Number(row.expires_at)) return { ok: false, problem: 'expired' };
  const account = await getAccount(db, Number(row.user_id));
  if (account === null) return { ok: false, problem: 'unknown' };
  if (account.disabledAt !== null) return { ok: false, problem: 'disabled' };
  return { ok: true, value: { id: Number(row.id), account } };
}
