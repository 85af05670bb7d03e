import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { sessionIdOf } from './sessions.js';

/** A browser forgets its device cookie, and the store the device, after half a year unused. */
export const DEVICE_LIFETIME_MS = 183 * 24 * 60 * 60 * 1000;

/** A browser that signed in before: `id` is the stored hash of its cookie's token. */
export interface LoginDevice {
  readonly id: string;
  readonly userId: number;
}

/** A new device for a browser that just signed in; `token` goes to its cookie and is never stored. */
export async function issueLoginDevice(
  db: Kysely<Database>,
  input: { readonly userId: number; readonly now: Date },
): Promise<{ readonly token: string; readonly device: LoginDevice }> {
  const token = randomBytes(32).toString('base64url');
  const id = sessionIdOf(token);
  const at = input.now.getTime();
  await db
    .insertInto('login_devices')
    .values({ id, user_id: input.userId, created_at: at, last_used_at: at })
    .execute();
  return { token, device: { id, userId: input.userId } };
}

/** The live device a cookie's token belongs to, or null (unknown, or unused for too long). */
export async function findLoginDevice(
  db: Kysely<Database>,
  input: { readonly token: string; readonly now: Date },
): Promise<LoginDevice | null> {
  const row = await db
    .selectFrom('login_devices')
    .select(['id', 'user_id', 'last_used_at'])
    .where('id', '=', sessionIdOf(input.token))
    .executeTakeFirst();
  if (row === undefined || input.now.getTime() - Number(row.last_used_at) >= DEVICE_LIFETIME_MS) return null;
  return { id: row.id, userId: Number(row.user_id) };
}

export async function touchLoginDevice(db: Kysely<Database>, input: { readonly id: string; readonly now: Date }) {
  await db.updateTable('login_devices').set({ last_used_at: input.now.getTime() }).where('id', '=', input.id).execute();
}

/** Deletes devices unused for DEVICE_LIFETIME_MS. */
export async function pruneLoginDevices(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('login_devices')
    .where('last_used_at', '<=', now.getTime() - DEVICE_LIFETIME_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
