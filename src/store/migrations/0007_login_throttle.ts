import type { Kysely, Migration } from 'kysely';

/**
 * Failed sign-ins and the browsers that signed in before, kept in the store
 * so every process of a scaled-out site sees the same counts and a restart
 * forgets none of them (src/news/loginThrottle.ts holds the rule).
 */
export function loginThrottleMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('login_failures')
        // `account:<e-mail>`, `address:<ip>` or `device:<id>`.
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_failures_last_idx').on('login_failures').column('last_failure_at').execute();

      await db.schema
        .createTable('login_devices')
        // SHA-256 of the device cookie's token, hex, as for sessions.
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_devices_user_idx').on('login_devices').column('user_id').execute();
    },
  };
}
