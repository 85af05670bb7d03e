import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * The bytes of each stored picture file, for `--media-store database`: every
 * web node of a scaled-out site serves the same files from the one database,
 * where a folder on one machine would serve them from that machine alone.
 */
export function mediaFilesMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('media_files')
        .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
        // As in the media folder: `original.{jpeg|png|webp}` or `{width}.{webp|jpg}`.
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addPrimaryKeyConstraint('media_files_pk', ['media_id', 'name'])
        .execute();
    },
  };
}
