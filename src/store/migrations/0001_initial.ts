import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/** Sections, articles with their tags, and reader comments. */
export function initialMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const surrogateKey = surrogateKeyColumn(dialect);

      await db.schema
        .createTable('sections')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('tags')
        .addColumn('id', surrogateKey.type, surrogateKey.build)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('articles')
        .addColumn('id', surrogateKey.type, surrogateKey.build)
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('section_slug', 'text', (c) => c.notNull().references('sections.slug'))
        .addColumn('byline_kind', 'text', (c) => c.notNull())
        .addColumn('byline_value', 'text', (c) => c.notNull())
        .addColumn('dateline', 'text')
        .addColumn('body_json', 'text', (c) => c.notNull())
        .addColumn('published_at', 'bigint', (c) => c.notNull())
        .addColumn('print_page', 'integer')
        .addColumn('updated_at', 'bigint')
        .addCheckConstraint('articles_byline_kind_check', sql`byline_kind in ('agency', 'staff')`)
        .addCheckConstraint('articles_print_page_check', sql`print_page is null or print_page > 0`)
        .execute();

      await db.schema
        .createTable('article_tags')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
        .execute();

      await db.schema
        .createTable('comments')
        .addColumn('id', surrogateKey.type, surrogateKey.build)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addCheckConstraint('comments_status_check', sql`status in ('pending', 'approved', 'rejected')`)
        .execute();

      // Every list is newest first; the id breaks ties between stories filed in the same millisecond.
      await db.schema.createIndex('articles_published_idx').on('articles').columns(['published_at', 'id']).execute();
      await db.schema
        .createIndex('articles_section_published_idx')
        .on('articles')
        .columns(['section_slug', 'published_at', 'id'])
        .execute();
      // Only print stories are in an edition; the partial index stays small.
      await db.schema
        .createIndex('articles_print_published_idx')
        .on('articles')
        .columns(['published_at', 'print_page'])
        .where('print_page', 'is not', null)
        .execute();
      // The primary key serves "tags of an article"; this serves "articles of a tag".
      await db.schema
        .createIndex('article_tags_tag_idx')
        .on('article_tags')
        .columns(['tag_id', 'article_id'])
        .execute();
      await db.schema
        .createIndex('comments_article_status_idx')
        .on('comments')
        .columns(['article_id', 'status', 'created_at'])
        .execute();
      await db.schema
        .createIndex('comments_status_created_idx')
        .on('comments')
        .columns(['status', 'created_at'])
        .execute();
    },
  };
}

interface SurrogateKeyColumn {
  readonly type: 'integer' | 'serial';
  build(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

/**
 * An ever-increasing integer key. SQLite needs AUTOINCREMENT so the id of a
 * deleted newest row is never handed out again (ids are in article URLs);
 * PostgreSQL sequences never reuse values anyway.
 */
function surrogateKeyColumn(dialect: StoreDialect): SurrogateKeyColumn {
  switch (dialect) {
    case 'sqlite':
      return { type: 'integer', build: (c) => c.primaryKey().autoIncrement() };
    case 'postgres':
      return { type: 'serial', build: (c) => c.primaryKey() };
  }
}
