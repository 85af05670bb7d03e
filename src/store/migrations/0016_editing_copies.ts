import type { Kysely, Migration } from 'kysely';

/**
 * What the story editor keeps while someone types: one autosaved copy per
 * person and article (overwritten every few seconds, never a revision), and
 * who has an article open right now. Both live in the database so every
 * process of a scaled-out site sees the same copies and the same presence.
 */
export function editingCopiesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('article_autosaves')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        // The revision the copy was typed over, so a later save still meets the stale-edit check.
        .addColumn('base_revision', 'integer', (c) => c.notNull())
        // JSON text of the form as typed: its fields and body blocks, unchecked until a real save.
        .addColumn('copy_json', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_autosaves_pk', ['article_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('article_presence')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_presence_pk', ['article_id', 'user_id'])
        .execute();
      await db.schema.createIndex('article_presence_seen_idx').on('article_presence').column('seen_at').execute();
    },
  };
}
