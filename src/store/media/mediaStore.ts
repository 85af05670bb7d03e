import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { RenditionFormat } from '../../news/media.js';
import type { Database } from '../database.js';
import type { ProcessedImage } from './mediaFiles.js';

/**
 * Where a picture's files are kept (`--media-store`): a folder on this machine
 * (the embedded default) or the database, which every web node of a
 * scaled-out site reads (docs/adr/0005-web-nodes-share-media-and-counts.md).
 */
export type MediaPlace = { readonly kind: 'local'; readonly dir: string } | { readonly kind: 'database' };

/** One rendition as served: its length (for Content-Length) and its bytes. */
export interface StoredRendition {
  readonly size: number;
  readonly body: Buffer | Readable;
}

/** The files of the media library, whichever place holds them; the library keeps the metadata. */
export interface MediaStore {
  readonly place: MediaPlace;
  /**
   * Stores an upload's original and renditions, inside the transaction that
   * adds its row: a database store commits with the row, a folder is written
   * before the commit and removed by `discard` if the commit fails.
   */
  save(trx: Kysely<Database>, id: number, image: ProcessedImage): Promise<void>;
  /** Removes what `save` left outside the database after its transaction failed. */
  discard(id: number): Promise<void>;
  /** One rendition, or null when this picture has no such file. */
  rendition(id: number, width: number, format: RenditionFormat): Promise<StoredRendition | null>;
}
