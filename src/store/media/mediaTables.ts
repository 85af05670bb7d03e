import type { Generated } from 'kysely';
import type { ImageFormat } from '../../news/media.js';

/** The media library's metadata (migration 0005); the files live on disk under the media directory. */
export interface MediaTables {
  media: MediaTable;
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
