import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/** Newsroom accounts, their server-side sessions, and the audit log of who did what. */
export function accountsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const key = surrogateKeyColumn(dialect);

      await db.schema
        .createTable('users')
        .addColumn('id', key.type, key.build)
        // Stored trimmed and lower-cased, so the unique constraint is case-insensitive on both engines.
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('disabled_at', 'bigint')
        .addColumn('sessions_valid_after', 'bigint', (c) => c.notNull())
        .addCheckConstraint(
          'users_role_check',
          sql`role in ('writer', 'editor', 'moderator', 'market-desk', 'admin', 'market-feed')`,
        )
        .addCheckConstraint('users_email_lower_check', sql`email = lower(email)`)
        .execute();

      await db.schema
        .createTable('sessions')
        // SHA-256 of the cookie's token, hex: a stolen database holds no usable session.
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', key.type, key.build)
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text')
        .addColumn('subject_id', 'text')
        .addColumn('details_json', 'text', (c) => c.notNull())
        .addCheckConstraint('audit_log_actor_kind_check', sql`actor_kind in ('user', 'token', 'anonymous', 'system')`)
        .execute();
    },
  };
}

interface SurrogateKeyColumn {
  readonly type: 'integer' | 'serial';
  build(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

/** Ids never reused (AUTOINCREMENT on SQLite): an audit entry must never point at a later, different user. */
function surrogateKeyColumn(dialect: StoreDialect): SurrogateKeyColumn {
  switch (dialect) {
    case 'sqlite':
      return { type: 'integer', build: (c) => c.primaryKey().autoIncrement() };
    case 'postgres':
      return { type: 'serial', build: (c) => c.primaryKey() };
  }
}
