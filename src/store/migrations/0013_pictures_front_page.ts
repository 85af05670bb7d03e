import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Featured pictures of stories, the front page's pins and the per-story
 * read counts behind "most read". All three live in the database so every
 * node of a scaled-out site shows the same front page.
 */
export function picturesFrontPageMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // No cascade from media: the library refuses to delete a picture a published story features.
      await db.schema
        .createTable('article_featured_images')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id'))
        .addColumn('caption', 'text')
        .addColumn('credit', 'text')
        .addColumn('focus', 'text', (c) => c.notNull().defaultTo('center'))
        .addCheckConstraint(
          'article_featured_images_focus_check',
          sql`focus in ('center', 'top', 'bottom', 'left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right')`,
        )
        .execute();
      await db.schema
        .createIndex('article_featured_images_media_idx')
        .on('article_featured_images')
        .column('media_id')
        .execute();

      await db.schema
        .createTable('front_page_pins')
        .addColumn('slot', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('pinned_at', 'bigint', (c) => c.notNull())
        .addColumn('pinned_by', 'text', (c) => c.notNull())
        .addCheckConstraint('front_page_pins_slot_check', sql`slot in ('lead', 'top-1', 'top-2', 'top-3', 'top-4')`)
        .execute();

      // Counts per Karachi day: "most read" looks at the last few days, and old days can be pruned whole.
      await db.schema
        .createTable('article_views')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('views', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_views_pk', ['article_id', 'day'])
        .execute();
      await db.schema.createIndex('article_views_day_idx').on('article_views').column('day').execute();
    },
  };
}
