import type { Kysely } from 'kysely';
import { isRole, type Role } from '../../news/roles.js';
import type { Database } from '../database.js';
import { type Account, createAccount, DuplicateEmailError, findAccountByEmail, normaliseEmail } from './accounts.js';
import { formatLinkToken, issueLinkSecret, parseLinkToken, secretMatches } from './linkSecret.js';
import type { IssuedLink, LinkCheck } from './passwordResets.js';

/** An invitation not yet accepted nor revoked (it may have expired), as the users page lists it. */
export interface PendingInvitation {
  readonly id: number;
  readonly email: string;
  readonly role: Role;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly expiresAt: Date;
}

/** What the person holding an invitation is invited as. */
export interface InvitationOffer {
  readonly id: number;
  readonly email: string;
  readonly role: Role;
}

/**
 * A new invitation for an address and a role; an earlier pending invitation
 * of the same address is revoked, so only the newest link works. Throws
 * DuplicateEmailError when the address has an account already.
 */
export async function createInvitation(
  db: Kysely<Database>,
  input: {
    readonly email: string;
    readonly role: Role;
    readonly now: Date;
    readonly lifetimeMs: number;
    readonly createdBy: string;
  },
): Promise<IssuedLink & { readonly email: string }> {
  const email = normaliseEmail(input.email);
  return db.transaction().execute(async (trx) => {
    if ((await findAccountByEmail(trx, email)) !== null)
      throw new DuplicateEmailError(`${email} already has an account.`);
    const at = input.now.getTime();
    await trx
      .updateTable('invitations')
      .set({ revoked_at: at })
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    const { secret, secretHash } = issueLinkSecret();
    const row = await trx
      .insertInto('invitations')
      .values({
        email,
        role: input.role,
        secret_hash: secretHash,
        created_at: at,
        created_by: input.createdBy.slice(0, 200),
        expires_at: at + input.lifetimeMs,
        accepted_at: null,
        accepted_user_id: null,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    return { id, email, token: formatLinkToken({ id, secret }), expiresAt: new Date(at + input.lifetimeMs) };
  });
}

/** Invitations neither accepted nor revoked, newest first; expired ones too, so an admin sees them lapse. */
export async function listPendingInvitations(db: Kysely<Database>): Promise<PendingInvitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'created_at', 'created_by', 'expires_at'])
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.flatMap((row) =>
    isRole(row.role)
      ? [
          {
            id: Number(row.id),
            email: row.email,
            role: row.role,
            createdAt: new Date(Number(row.created_at)),
            createdBy: row.created_by,
            expiresAt: new Date(Number(row.expires_at)),
          },
        ]
      : [],
  );
}

/** Withdraws a pending invitation; null when there is no such pending one, else its address. */
export async function revokeInvitation(
  db: Kysely<Database>,
  input: { readonly id: number; readonly now: Date },
): Promise<{ readonly email: string } | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('invitations')
      .select('email')
      .where('id', '=', input.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (row === undefined) return null;
    await trx.updateTable('invitations').set({ revoked_at: input.now.getTime() }).where('id', '=', input.id).execute();
    return { email: row.email };
  });
}

/** What an invitation offers, or why it does not work. Changes nothing. */
export async function checkInvitation(
  db: Kysely<Database>,
  input: { readonly token: string; readonly now: Date },
): Promise<LinkCheck<InvitationOffer>> {
  return liveInvitation(db, input);
}

/**
 * Accepts an invitation: the account is made with the invited address and
 * role and the name and password its holder chose, and the link is spent,
 * together or not at all; accepted twice at once, it works once.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  input: { readonly token: string; readonly name: string; readonly passwordHash: string; readonly now: Date },
): Promise<LinkCheck<Account>> {
  try {
    return await acceptOnce(db, input);
  } catch (error) {
    // The address got an account between the check and the insert: the whole acceptance rolled back.
    if (error instanceof DuplicateEmailError) return { ok: false, problem: 'taken' };
    throw error;
  }
}

function acceptOnce(
  db: Kysely<Database>,
  input: { readonly token: string; readonly name: string; readonly passwordHash: string; readonly now: Date },
): Promise<LinkCheck<Account>> {
  return db.transaction().execute(async (trx) => {
    const found = await liveInvitation(trx, input);
    if (!found.ok) return found;
    const at = input.now.getTime();
    const spent = await trx
      .updateTable('invitations')
      .set({ accepted_at: at })
      .where('id', '=', found.value.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return { ok: false, problem: 'used' };
    const account = await createAccount(trx, {
      email: found.value.email,
      name: input.name,
      role: found.value.role,
      passwordHash: input.passwordHash,
      now: input.now,
    });
    await trx
      .updateTable('invitations')
      .set({ accepted_user_id: account.id })
      .where('id', '=', found.value.id)
      .execute();
    return { ok: true, value: account };
  });
}

async function liveInvitation(
  db: Kysely<Database>,
  input: { readonly token: string; readonly now: Date },
): Promise<LinkCheck<InvitationOffer>> {
  const parsed = parseLinkToken(input.token);
  if (parsed === null) return { ok: false, problem: 'unknown' };
  const row = await db.selectFrom('invitations').selectAll().where('id', '=', parsed.id).executeTakeFirst();
  if (row === undefined || !secretMatches(parsed.secret, row.secret_hash)) return { ok: false, problem: 'unknown' };
  if (row.accepted_at !== null) return { ok: false, problem: 'used' };
  if (row.revoked_at !== null) return { ok: false, problem: 'revoked' };
  if (input.now.getTime() >= Number(row.expires_at)) return { ok: false, problem: 'expired' };
  if (!isRole(row.role)) return { ok: false, problem: 'unknown' };
  if ((await findAccountByEmail(db, row.email)) !== null) return { ok: false, problem: 'taken' };
  return { ok: true, value: { id: Number(row.id), email: row.email, role: row.role } };
}
