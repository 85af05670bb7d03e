import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** Where old tag addresses lead after a rename or a merge (migration 0005). */
export interface TagAdminTables extends Database {
  tag_redirects: TagRedirectsTable;
}

export function tagAdminTables(db: Kysely<Database>): Kysely<TagAdminTables> {
  return db as unknown as Kysely<TagAdminTables>;
}

/** `/tags/{from_slug}` answers 301 to the current slug of `tag_id`. */
export interface TagRedirectsTable {
  from_slug: string;
  tag_id: number;
}
