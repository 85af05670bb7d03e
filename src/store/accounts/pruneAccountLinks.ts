import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** A spent or lapsed link is kept this long after it expired (the audit log keeps its story for good). */
export const ACCOUNT_LINK_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

/** Deletes reset links and invitations that expired over ACCOUNT_LINK_KEPT_MS ago; returns how many. */
export async function pruneAccountLinks(db: Kysely<Database>, now: Date): Promise<number> {
  const before = now.getTime() - ACCOUNT_LINK_KEPT_MS;
  const resets = await db.deleteFrom('password_resets').where('expires_at', '<=', before).executeTakeFirst();
  const invitations = await db.deleteFrom('invitations').where('expires_at', '<=', before).executeTakeFirst();
  return Number(resets.numDeletedRows) + Number(invitations.numDeletedRows);
}
