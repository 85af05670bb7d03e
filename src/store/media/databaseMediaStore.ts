import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { originalFileName, renditionFileName } from './mediaFiles.js';
import type { MediaStore } from './mediaStore.js';

/**
 * Pictures in the database (`media_files`), written in the transaction that
 * adds their row, so a picture is on every node of the site the moment its
 * upload is acknowledged, and never half there.
 */
export function createDatabaseMediaStore(db: Kysely<Database>): MediaStore {
  return {
    place: { kind: 'database' },
    async save(trx, id, image) {
      const files = [
        { media_id: id, name: originalFileName(image.format), data: image.original },
        ...image.renditions.map((r) => ({ media_id: id, name: renditionFileName(r.width, r.format), data: r.data })),
      ];
      // One file per statement: a large original is a parameter of its own, never part of a huge batch.
      for (const file of files) await trx.insertInto('media_files').values(file).execute();
    },
    // Nothing outside the database: a failed transaction took the files with it.
    discard: async () => undefined,
    async rendition(id, width, format) {
      const row = await db
        .selectFrom('media_files')
        .select('data')
        .where('media_id', '=', id)
        .where('name', '=', renditionFileName(width, format))
        .executeTakeFirst();
      return row === undefined ? null : { size: row.data.length, body: row.data };
    },
  };
}
