import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * The newsroom's moderation, print and library tables: banned comment
 * addresses and spam marks, the explicit layout of print editions, redirects
 * left behind by renamed and merged tags, and the media library.
 */
export function moderationPrintMediaMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const key = surrogateKeyColumn(dialect);

      await db.schema
        .createTable('comment_bans')
        .addColumn('ip', 'text', (c) => c.primaryKey())
        .addColumn('reason', 'text')
        .addColumn('banned_at', 'bigint', (c) => c.notNull())
        .addColumn('banned_by', 'text', (c) => c.notNull())
        .execute();

      // "Spam" is a rejection with a mark, so the reader-facing status set stays pending/approved/rejected.
      await db.schema
        .createTable('comment_spam_marks')
        .addColumn('comment_id', 'integer', (c) => c.primaryKey().references('comments.id').onDelete('cascade'))
        .addColumn('marked_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('print_pages')
        .addColumn('edition_date', 'text', (c) => c.notNull())
        .addColumn('page', 'integer', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('print_pages_pk', ['edition_date', 'page'])
        .addCheckConstraint('print_pages_page_check', sql`page > 0`)
        .execute();

      await db.schema
        .createTable('print_placements')
        .addColumn('edition_date', 'text', (c) => c.notNull())
        .addColumn('page', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        // A story runs once per edition.
        .addPrimaryKeyConstraint('print_placements_pk', ['edition_date', 'article_id'])
        .addUniqueConstraint('print_placements_slot_unique', ['edition_date', 'page', 'position'])
        .addCheckConstraint('print_placements_page_check', sql`page > 0 and position > 0`)
        .execute();
      await db.schema.createIndex('print_placements_article_idx').on('print_placements').column('article_id').execute();

      // Points at the tag's id, not its slug: renaming again or merging never leaves a chain to follow.
      await db.schema
        .createTable('tag_redirects')
        .addColumn('from_slug', 'text', (c) => c.primaryKey())
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .execute();

      await db.schema
        .createTable('media')
        .addColumn('id', key.type, key.build)
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('alt', 'text', (c) => c.notNull())
        .addColumn('caption', 'text')
        .addColumn('credit', 'text')
        .addColumn('widths_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addCheckConstraint('media_format_check', sql`format in ('jpeg', 'png', 'webp')`)
        .addCheckConstraint('media_alt_check', sql`alt <> ''`)
        .execute();
    },
  };
}

interface SurrogateKeyColumn {
  readonly type: 'integer' | 'serial';
  build(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

/** Media ids are in image URLs cached for a year: never hand one out twice (AUTOINCREMENT on SQLite). */
function surrogateKeyColumn(dialect: StoreDialect): SurrogateKeyColumn {
  switch (dialect) {
    case 'sqlite':
      return { type: 'integer', build: (c) => c.primaryKey().autoIncrement() };
    case 'postgres':
      return { type: 'serial', build: (c) => c.primaryKey() };
  }
}
