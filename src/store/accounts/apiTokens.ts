import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** Who a token speaks for. Only `market-feed` opens a route today; the newsroom roles come with the newsroom. */
export type ApiRole = 'market-feed' | 'wire-feed' | 'market-desk' | 'writer' | 'editor' | 'moderator' | 'admin';

export const API_ROLES: readonly ApiRole[] = [
  'market-feed',
  'wire-feed',
  'market-desk',
  'writer',
  'editor',
  'moderator',
  'admin',
];

export function parseApiRole(text: string): ApiRole | undefined {
  return API_ROLES.find((role) => role === text);
}

export interface ApiTokenRecord {
  readonly id: number;
  readonly name: string;
  readonly role: ApiRole;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

/** A new token: `token` is shown once and never stored; only its SHA-256 is. */
export interface IssuedApiToken extends ApiTokenRecord {
  readonly token: string;
}

/** SHA-256 of the token, hex. A token is 32 random bytes, so a fast hash without salt is enough. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function createApiToken(
  db: Kysely<Database>,
  input: { readonly name: string; readonly role: ApiRole; readonly now: Date },
): Promise<IssuedApiToken> {
  const token = `bst_${randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('api_tokens')
    .values({
      name: input.name,
      role: input.role,
      token_hash: hashApiToken(token),
      created_at: input.now.getTime(),
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), name: input.name, role: input.role, createdAt: input.now, revokedAt: null, token };
}

export async function listApiTokens(db: Kysely<Database>): Promise<ApiTokenRecord[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'created_at', 'revoked_at'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    role: parseApiRole(row.role) ?? 'market-feed',
    createdAt: new Date(Number(row.created_at)),
    revokedAt: row.revoked_at === null ? null : new Date(Number(row.revoked_at)),
  }));
}

/** Revokes a live token; false when there is no such live token. */
export async function revokeApiToken(db: Kysely<Database>, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now.getTime() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The role of a live token, or null. Every live hash is compared in constant
 * time, so neither a lookup by hash nor an early exit tells an attacker how
 * close a guess came.
 */
export async function roleOfApiToken(db: Kysely<Database>, token: string): Promise<ApiRole | null> {
  const presented = Buffer.from(hashApiToken(token), 'hex');
  const rows = await db
    .selectFrom('api_tokens')
    .select(['role', 'token_hash'])
    .where('revoked_at', 'is', null)
    .execute();
  let found: ApiRole | null = null;
  for (const row of rows) {
    const stored = Buffer.from(row.token_hash, 'hex');
    if (stored.length === presented.length && timingSafeEqual(stored, presented)) {
      found = parseApiRole(row.role) ?? null;
    }
  }
  return found;
}
