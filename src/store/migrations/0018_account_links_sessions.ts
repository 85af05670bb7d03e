import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * Accounts people manage in the newsroom: one-time password-reset links and
 * invitations (each stored as the SHA-256 of its secret, never the secret),
 * and what a session's owner needs to recognise it in their list (the
 * browser's user agent and the address it signed in from).
 */
export function accountLinksSessionsMigration(dialect: StoreDialect): Migration {
  // Ids never reused (AUTOINCREMENT on SQLite), as for users: an old link's id must never name a newer link.
  const id = dialect === 'sqlite' ? 'integer' : 'serial';
  const idColumn = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey();
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('password_resets')
        .addColumn('id', id, idColumn)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        // SHA-256 of the link's secret, hex; the link carries `id.secret`.
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema.createIndex('password_resets_user_idx').on('password_resets').column('user_id').execute();

      await db.schema
        .createTable('invitations')
        .addColumn('id', id, idColumn)
        // Trimmed and lower-cased, as users.email.
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('accepted_at', 'bigint')
        // The account the invitation became; kept when that account is gone, for the audit trail.
        .addColumn('accepted_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('revoked_at', 'bigint')
        .addCheckConstraint(
          'invitations_role_check',
          sql`role in ('writer', 'editor', 'moderator', 'market-desk', 'admin', 'market-feed')`,
        )
        .addCheckConstraint('invitations_email_lower_check', sql`email = lower(email)`)
        .execute();
      await db.schema.createIndex('invitations_email_idx').on('invitations').column('email').execute();

      await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
      await db.schema.alterTable('sessions').addColumn('address', 'text').execute();
    },
  };
}
