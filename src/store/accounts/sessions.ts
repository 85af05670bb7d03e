import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { Account } from './accounts.js';
import { getAccount } from './accounts.js';

/** How long a session lives: it ends after `idleMs` unused or `absoluteMs` after sign-in, whichever comes first. */
export interface SessionPolicy {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/** A working day unused, a week at most (OWASP Session Management Cheat Sheet: idle and absolute timeouts). */
export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 8 * 60 * 60 * 1000,
  absoluteMs: 7 * 24 * 60 * 60 * 1000,
};

// Writing last_seen_at on every request would make every admin page view a write; a minute's slack is harmless.
const TOUCH_AFTER_MS = 60 * 1000;

/** A new session: `token` goes to the cookie and is never stored; the row is keyed by its SHA-256. */
export interface IssuedSession {
  readonly token: string;
  readonly sessionId: string;
}

export interface ActiveSession {
  readonly sessionId: string;
  readonly account: Account;
  readonly createdAt: Date;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The longest user agent kept: enough to tell browsers apart, never a way to fill the table. */
export const MAX_USER_AGENT_LENGTH = 300;

/** A signed-in session as its owner (or an admin) sees it in a list; `sessionId` is the stored hash, never the token. */
export interface SessionListing {
  readonly sessionId: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly userAgent: string | null;
  readonly address: string | null;
}

export async function createSession(
  db: Kysely<Database>,
  input: {
    readonly userId: number;
    readonly now: Date;
    readonly userAgent?: string | undefined;
    readonly address?: string | undefined;
  },
): Promise<IssuedSession> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = sessionIdOf(token);
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: input.userId,
      created_at: input.now.getTime(),
      last_seen_at: input.now.getTime(),
      user_agent: input.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
      address: input.address?.slice(0, 100) ?? null,
    })
    .execute();
  return { token, sessionId };
}

/**
 * The live session a token belongs to, or null. An expired session, one of a
 * disabled account, or one older than the account's `sessions_valid_after`
 * is deleted on sight.
 */
export async function resumeSession(
  db: Kysely<Database>,
  input: { readonly token: string; readonly now: Date; readonly policy: SessionPolicy },
): Promise<ActiveSession | null> {
  const sessionId = sessionIdOf(input.token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.user_id',
      'sessions.created_at',
      'sessions.last_seen_at',
      'users.disabled_at',
      'users.sessions_valid_after',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (row === undefined) return null;
  const now = input.now.getTime();
  const createdAt = Number(row.created_at);
  const lastSeenAt = Number(row.last_seen_at);
  const live =
    row.disabled_at === null &&
    createdAt >= Number(row.sessions_valid_after) &&
    now - lastSeenAt < input.policy.idleMs &&
    now - createdAt < input.policy.absoluteMs;
  if (!live) {
    await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    return null;
  }
  const account = await getAccount(db, Number(row.user_id));
  if (account === null) return null;
  if (now - lastSeenAt >= TOUCH_AFTER_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
  }
  return { sessionId, account, createdAt: new Date(createdAt) };
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionIdOf(token)).execute();
}

/**
 * The live sessions of an account, most recently seen first: expired ones,
 * and all of them once the account is disabled or its sessions voided, are left out.
 */
export async function listSessions(
  db: Kysely<Database>,
  input: { readonly userId: number; readonly now: Date; readonly policy: SessionPolicy },
): Promise<SessionListing[]> {
  const now = input.now.getTime();
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.user_agent',
      'sessions.address',
      'users.disabled_at',
      'users.sessions_valid_after',
    ])
    .where('sessions.user_id', '=', input.userId)
    .where('sessions.last_seen_at', '>', now - input.policy.idleMs)
    .where('sessions.created_at', '>', now - input.policy.absoluteMs)
    .orderBy('sessions.last_seen_at', 'desc')
    .orderBy('sessions.id')
    .limit(200)
    .execute();
  return rows
    .filter((row) => row.disabled_at === null && Number(row.created_at) >= Number(row.sessions_valid_after))
    .map((row) => ({
      sessionId: row.id,
      createdAt: new Date(Number(row.created_at)),
      lastSeenAt: new Date(Number(row.last_seen_at)),
      userAgent: row.user_agent,
      address: row.address,
    }));
}

/** Ends one session of an account, named by its stored id; false when the account has no such session. */
export async function endSessionById(
  db: Kysely<Database>,
  input: { readonly userId: number; readonly sessionId: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', input.sessionId)
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ends every session of an account but one (the browser asking); returns how many ended. */
export async function endOtherSessions(
  db: Kysely<Database>,
  input: { readonly userId: number; readonly keepSessionId: string },
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', input.userId)
    .where('id', '!=', input.keepSessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** "Log out everywhere": every session of the account ends, including any being created right now. */
export async function endAllSessions(
  db: Kysely<Database>,
  input: { readonly userId: number; readonly now: Date },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ sessions_valid_after: input.now.getTime() })
      .where('id', '=', input.userId)
      .execute();
    const result = await trx.deleteFrom('sessions').where('user_id', '=', input.userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

/** Deletes sessions past either timeout; run now and then so abandoned rows do not pile up. */
export async function purgeExpiredSessions(
  db: Kysely<Database>,
  input: { readonly now: Date; readonly policy: SessionPolicy },
): Promise<number> {
  const now = input.now.getTime();
  const result = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('last_seen_at', '<=', now - input.policy.idleMs),
        eb('created_at', '<=', now - input.policy.absoluteMs),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
