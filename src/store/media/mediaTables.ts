import type { Generated } from 'kysely';
import type { ImageFormat } from '../../news/media.js';

/** The media library's metadata (migration 0005), and its files when they are kept in the database (0009). */
export interface MediaTables {
  media: MediaTable;
  media_files: MediaFileTable;
}

/** One stored file of a picture, for `--media-store database`. */
export interface MediaFileTable {
  media_id: number;
  /** `original.{jpeg|png|webp}` or `{width}.{webp|jpg}`, as in the media folder. */
  name: string;
  data: Buffer;
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
  /** JSON array of the rendition widths stored, ascending. */
  widths_json: string;
  created_at: number;
  created_by: string;
}
