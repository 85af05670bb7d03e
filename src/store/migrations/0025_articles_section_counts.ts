import { type Kysely, type Migration, sql } from 'kysely';

/**
 * An index of stories by section and status, so that counting a section's published stories (a section page's
 * page numbers, the sections directory) reads the index alone. Without it both databases read every story's
 * row for the count: a sequential scan of the whole table on PostgreSQL, 64–185 ms a section at 100,000 stories,
 * on every render of a page the market redraws each second.
 */
export function articlesSectionCountsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`create index articles_section_status_idx on articles (section_slug, status)`.execute(db);
    },
  };
}
