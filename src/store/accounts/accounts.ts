import type { Kysely } from 'kysely';
import { type AccountChange, type AccountChangeTarget, accountChangeRefusal } from '../../news/accountChange.js';
import { isRole, type Role } from '../../news/roles.js';
import type { Database } from '../database.js';

/** A newsroom account as the rest of the code sees it; the password hash stays in the store. */
export interface Account {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
}

/** An account with what a login needs to check. */
export interface AccountCredentials extends Account {
  readonly passwordHash: string;
}

export interface NewAccount {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly now: Date;
}

/** Thrown when an e-mail address already has an account (compared case-insensitively). */
export class DuplicateEmailError extends Error {
  override readonly name = 'DuplicateEmailError';
}

/**
 * Thrown when a change would leave no active admin: nobody could then manage
 * accounts from the newsroom (only the command line could bring one back).
 */
export class LastAdminError extends Error {
  override readonly name = 'LastAdminError';
}

/** The form every address is stored and looked up in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createAccount(db: Kysely<Database>, input: NewAccount): Promise<Account> {
  const email = normaliseEmail(input.email);
  if ((await findAccountByEmail(db, email)) !== null) throw new DuplicateEmailError(`${email} already has an account.`);
  const row = await db
    .insertInto('users')
    .values({
      email,
      name: input.name.trim(),
      role: input.role,
      password_hash: input.passwordHash,
      created_at: input.now.getTime(),
      disabled_at: null,
      sessions_valid_after: input.now.getTime(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: Number(row.id),
    email,
    name: input.name.trim(),
    role: input.role,
    createdAt: input.now,
    disabledAt: null,
  };
}

/** The account with this address (any case), disabled or not, with its password hash. */
export async function findAccountByEmail(db: Kysely<Database>, email: string): Promise<AccountCredentials | null> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return row === undefined ? null : { ...toAccount(row), passwordHash: row.password_hash };
}

export async function getAccount(db: Kysely<Database>, id: number): Promise<Account | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toAccount(row);
}

export async function listAccounts(db: Kysely<Database>): Promise<Account[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('id').execute();
  return rows.map(toAccount);
}

/**
 * Changes a role and voids the account's sessions, so a demotion takes effect
 * at once. Returns the role it had, or null when there is no such account.
 * Throws LastAdminError rather than demote the last active admin.
 */
export async function setAccountRole(
  db: Kysely<Database>,
  input: { readonly id: number; readonly role: Role; readonly now: Date },
): Promise<Role | null> {
  return db.transaction().execute(async (trx) => {
    await lockActiveAdmins(trx);
    const before = await getAccount(trx, input.id);
    if (before === null) return null;
    await refuseLastAdmin(trx, before, { kind: 'role', role: input.role });
    await trx
      .updateTable('users')
      .set({ role: input.role, sessions_valid_after: input.now.getTime() })
      .where('id', '=', input.id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', input.id).execute();
    return before.role;
  });
}

/**
 * Disables an account and ends its sessions; false when there is no such
 * enabled account. Throws LastAdminError rather than disable the last active admin.
 */
export async function disableAccount(
  db: Kysely<Database>,
  input: { readonly id: number; readonly now: Date },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await lockActiveAdmins(trx);
    const before = await getAccount(trx, input.id);
    if (before === null || before.disabledAt !== null) return false;
    await refuseLastAdmin(trx, before, { kind: 'disable' });
    await trx
      .updateTable('users')
      .set({ disabled_at: input.now.getTime(), sessions_valid_after: input.now.getTime() })
      .where('id', '=', input.id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', input.id).execute();
    return true;
  });
}

/** Enables a disabled account (it signs in again with its password); false when there is no such disabled account. */
export async function enableAccount(db: Kysely<Database>, input: { readonly id: number }): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ disabled_at: null })
    .where('id', '=', input.id)
    .where('disabled_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Takes the row locks of every active admin before the count is read, so two
 * admins demoting or disabling each other at once cannot both see "another
 * admin is left" (write skew under PostgreSQL's READ COMMITTED): the second
 * waits for the first and then reads what it committed. On SQLite the first
 * write of a transaction already takes the database's one write lock.
 */
async function lockActiveAdmins(trx: Kysely<Database>): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ role: eb.ref('role') }))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .execute();
}

/** The newsroom's rule (src/news/accountChange.ts), read again inside the change's transaction after the locks. */
async function refuseLastAdmin(trx: Kysely<Database>, account: Account, change: AccountChange): Promise<void> {
  const refused = accountChangeRefusal({
    askerUserId: null,
    target: changeTarget(account),
    change,
    otherActiveAdmins: await countOtherActiveAdmins(trx, account.id),
  });
  if (refused !== null) throw new LastAdminError(refused.message);
}

/** The active admins other than account `id`. */
export async function countOtherActiveAdmins(db: Kysely<Database>, id: number): Promise<number> {
  const others = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '!=', id)
    .executeTakeFirstOrThrow();
  return Number(others.n);
}

/** An account as the account-change rule sees it. */
export function changeTarget(account: Account): AccountChangeTarget {
  return { id: account.id, email: account.email, role: account.role, disabled: account.disabledAt !== null };
}

export async function setAccountPassword(
  db: Kysely<Database>,
  input: { readonly id: number; readonly passwordHash: string },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ password_hash: input.passwordHash })
    .where('id', '=', input.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Sets a new password and ends every other session of the account, keeping the
 * one that made the change (`keepSessionId`, null to keep none). False when
 * there is no such account.
 */
export async function changeAccountPassword(
  db: Kysely<Database>,
  input: { readonly id: number; readonly passwordHash: string; readonly keepSessionId: string | null },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('users')
      .set({ password_hash: input.passwordHash })
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    let others = trx.deleteFrom('sessions').where('user_id', '=', input.id);
    if (input.keepSessionId !== null) others = others.where('id', '!=', input.keepSessionId);
    await others.execute();
    return true;
  });
}

function toAccount(row: {
  id: number;
  email: string;
  name: string;
  role: string;
  created_at: number;
  disabled_at: number | null;
}): Account {
  // The table's check constraint holds the same list, so a bad role here means a newer schema: refuse it safely.
  if (!isRole(row.role)) throw new Error(`Account ${row.id} has an unknown role "${row.role}".`);
  return {
    id: Number(row.id),
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: new Date(Number(row.created_at)),
    disabledAt: row.disabled_at === null ? null : new Date(Number(row.disabled_at)),
  };
}
