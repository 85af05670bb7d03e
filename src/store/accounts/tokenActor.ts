import type { Kysely } from 'kysely';
import { type Actor, isTokenRole } from '../../news/roles.js';
import type { Database } from '../database.js';
import { hashApiToken } from './apiTokens.js';

/**
 * The actor a live API token speaks for, or null for an unknown or revoked
 * one. Looked up by hash through the unique index: the hash of a 32-byte
 * random token gives a timing observer nothing to close in on.
 */
export async function tokenActor(db: Kysely<Database>, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role'])
    .where('token_hash', '=', hashApiToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (row === undefined || !isTokenRole(row.role)) return null;
  return { kind: 'token', tokenId: Number(row.id), name: row.name, role: row.role };
}
