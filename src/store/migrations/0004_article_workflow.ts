import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * The newsroom workflow: a status per article (existing rows are published
 * stories), who owns it, when it is due, SEO fields; every saved revision; and
 * the corrections and updates shown to readers.
 */
export function articleWorkflowMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const key = surrogateKeyColumn(dialect);
      // One ALTER per column: SQLite adds a single column per statement.
      const columns: [
        string,
        'text' | 'bigint' | 'integer',
        (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder,
      ][] = [
        [
          'status',
          'text',
          (c) =>
            c
              .notNull()
              .defaultTo('published')
              .check(sql`status in ('draft', 'in_review', 'scheduled', 'published', 'unpublished', 'killed')`),
        ],
        ['scheduled_at', 'bigint', (c) => c],
        // 1 once the story has been on the site: publishing it again keeps its first publication time.
        ['ever_published', 'integer', (c) => c.notNull().defaultTo(1)],
        ['owner_kind', 'text', (c) => c],
        ['owner_id', 'integer', (c) => c],
        ['owner_name', 'text', (c) => c],
        ['edited_at', 'bigint', (c) => c],
        // Latest revision number; 0 for stories that came in before revisions were kept (seeds, imports).
        ['revision', 'integer', (c) => c.notNull().defaultTo(0)],
        ['seo_title', 'text', (c) => c],
        ['seo_description', 'text', (c) => c],
        ['killed_at', 'bigint', (c) => c],
      ];
      for (const [name, type, build] of columns) {
        await db.schema.alterTable('articles').addColumn(name, type, build).execute();
      }

      await db.schema
        .createTable('article_revisions')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('author_kind', 'text', (c) => c.notNull())
        .addColumn('author_id', 'integer')
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('fields_json', 'text', (c) => c.notNull())
        // The primary key is also what makes two racing saves of one base revision collide.
        .addPrimaryKeyConstraint('article_revisions_pk', ['article_id', 'number'])
        .addCheckConstraint('article_revisions_author_kind_check', sql`author_kind in ('user', 'token', 'system')`)
        .execute();

      await db.schema
        .createTable('article_corrections')
        .addColumn('id', key.type, key.build)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addCheckConstraint('article_corrections_kind_check', sql`kind in ('correction', 'update')`)
        .execute();
      await db.schema
        .createIndex('article_corrections_article_idx')
        .on('article_corrections')
        .columns(['article_id', 'at'])
        .execute();

      // The scheduler's question: which scheduled stories are due.
      await db.schema
        .createIndex('articles_status_due_idx')
        .on('articles')
        .columns(['status', 'scheduled_at'])
        .execute();
    },
  };
}

interface SurrogateKeyColumn {
  readonly type: 'integer' | 'serial';
  build(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

/** Ids never reused (AUTOINCREMENT on SQLite), as for every other table. */
function surrogateKeyColumn(dialect: StoreDialect): SurrogateKeyColumn {
  switch (dialect) {
    case 'sqlite':
      return { type: 'integer', build: (c) => c.primaryKey().autoIncrement() };
    case 'postgres':
      return { type: 'serial', build: (c) => c.primaryKey() };
  }
}
