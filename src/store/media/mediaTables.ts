import type { Generated, Kysely } from 'kysely';
import type { ImageFormat } from '../../news/media.js';
import type { Database } from '../database.js';

/** The media library's metadata (migration 0005); the files live on disk under the media directory. */
export interface MediaTables extends Database {
  media: MediaTable;
}

export function mediaTables(db: Kysely<Database>): Kysely<MediaTables> {
  return db as unknown as Kysely<MediaTables>;
}

export interface MediaTable {
  id: Generated<number>;
  /** Format of the original as uploaded (by its magic bytes). */
  format: ImageFormat;
  width: number;
  height: number;
  /** Size of the original, in bytes. */
  bytes: number;
  alt: string;
  caption: string | null;
  credit: string | null;
  /** JSON array of the rendition widths on disk, ascending. */
  widths_json: string;
  created_at: number;
  created_by: string;
}
