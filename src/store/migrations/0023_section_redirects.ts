import type { Kysely, Migration } from 'kysely';

/**
 * Where old section addresses lead once the newsroom gives a section a new
 * slug: `/{from_slug}` answers 301 to the section now at `to_slug`, as
 * renamed tags do (tag_redirects). Deleting the section drops its redirects.
 */
export function sectionRedirectsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('section_redirects')
        .addColumn('from_slug', 'text', (c) => c.primaryKey())
        .addColumn('to_slug', 'text', (c) => c.notNull().references('sections.slug').onDelete('cascade'))
        .execute();
      await db.schema.createIndex('section_redirects_to_idx').on('section_redirects').column('to_slug').execute();
    },
  };
}
