import { type Kysely, type Selectable, sql } from 'kysely';
import type { MediaAsset, MediaDescription, RenditionFormat } from '../../news/media.js';
import type { Database } from '../database.js';
import { createDatabaseMediaStore } from './databaseMediaStore.js';
import { createLocalMediaStore } from './localMediaStore.js';
import type { ProcessedImage } from './mediaFiles.js';
import type { MediaPlace, MediaStore, StoredRendition } from './mediaStore.js';
import type { MediaTable } from './mediaTables.js';

/** The media library: picture metadata in the database, files where `place` says (a folder, or the database). */
export interface MediaLibrary {
  readonly place: MediaPlace;
  /** Stores a processed upload: row and files together, or neither. */
  add(input: {
    readonly image: ProcessedImage;
    readonly description: MediaDescription;
    readonly by: string;
    readonly at: Date;
  }): Promise<MediaAsset>;
  get(id: number): Promise<MediaAsset | null>;
  /** The assets of these ids that exist, by id (what an article body's image blocks need). */
  assets(ids: readonly number[]): Promise<ReadonlyMap<number, MediaAsset>>;
  /** Newest first; with `search`, only pictures whose alt text, caption or credit holds it (or whose id it is). */
  list(query: {
    readonly limit: number;
    readonly offset?: number;
    readonly search?: string;
  }): Promise<{ items: MediaAsset[]; total: number }>;
  /** Changes a picture's words; false when there is no such picture. */
  describe(id: number, description: MediaDescription): Promise<MediaAsset | null>;
  /**
   * Deletes a picture and its files, unless a published story shows it
   * (featured or in its body): then nothing changes and those stories are
   * named. Drafts featuring it lose their featured picture.
   */
  remove(id: number): Promise<MediaRemoval>;
  /** One rendition's bytes, or null when there is no such picture or size. */
  rendition(id: number, width: number, format: RenditionFormat): Promise<StoredRendition | null>;
}

/** What deleting a picture came to. */
export type MediaRemoval =
  | { readonly kind: 'removed' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'in-use'; readonly stories: readonly { readonly id: number; readonly headline: string }[] };

export function createMediaLibrary(db: Kysely<Database>, place: MediaPlace): MediaLibrary {
  const files: MediaStore = place.kind === 'local' ? createLocalMediaStore(place.dir) : createDatabaseMediaStore(db);
  return {
    place,
    rendition: (id, width, format) => files.rendition(id, width, format),

    async add({ image, description, by, at }) {
      // The files are stored inside the transaction: if storing fails the row is rolled back,
      // and if the commit fails files kept outside the database are removed, so the two never disagree for long.
      let writtenId: number | null = null;
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await trx
            .insertInto('media')
            .values({
              format: image.format,
              width: image.width,
              height: image.height,
              bytes: image.original.length,
              alt: description.alt,
              caption: description.caption,
              credit: description.credit,
              widths_json: JSON.stringify([...new Set(image.renditions.map((r) => r.width))].sort((a, b) => a - b)),
              created_at: at.getTime(),
              created_by: by,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await files.save(trx, row.id, image);
          writtenId = row.id;
          return toAsset(row);
        });
      } catch (error) {
        if (writtenId !== null) await files.discard(writtenId);
        throw error;
      }
    },

    async get(id) {
      const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : toAsset(row);
    },

    async assets(ids) {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return new Map();
      const rows = await db.selectFrom('media').selectAll().where('id', 'in', wanted).execute();
      return new Map(rows.map((row) => [row.id, toAsset(row)]));
    },

    async list(query) {
      const matching = db.selectFrom('media').$if(query.search !== undefined && query.search.trim() !== '', (q) => {
        const words = (query.search ?? '').trim().toLowerCase();
        const pattern = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const like = (column: 'alt' | 'caption' | 'credit') =>
          sql<boolean>`lower(coalesce(${sql.ref(column)}, '')) like ${pattern} escape '\\'`;
        return q.where((eb) =>
          eb.or([
            like('alt'),
            like('caption'),
            like('credit'),
            ...(/^[1-9][0-9]{0,9}$/.test(words) ? [eb('id', '=', Number(words))] : []),
          ]),
        );
      });
      const rows = await matching
        .selectAll()
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset ?? 0)
        .execute();
      const { total } = await matching.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
      return { items: rows.map(toAsset), total: Number(total) };
    },

    async describe(id, description) {
      const row = await db
        .updateTable('media')
        .set({ alt: description.alt, caption: description.caption, credit: description.credit })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? null : toAsset(row);
    },

    async remove(id) {
      const outcome = await db.transaction().execute(async (trx): Promise<MediaRemoval> => {
        const exists = await trx.selectFrom('media').select('id').where('id', '=', id).executeTakeFirst();
        if (exists === undefined) return { kind: 'missing' };
        // An image block is stored as JSON written by this code: `"mediaId":7,` or `"mediaId":7}`.
        const stories = await trx
          .selectFrom('articles')
          .select(['id', 'headline'])
          .where('status', '=', 'published')
          .where((eb) =>
            eb.or([
              eb('id', 'in', eb.selectFrom('article_featured_images').select('article_id').where('media_id', '=', id)),
              eb('body_json', 'like', `%"mediaId":${id},%`),
              eb('body_json', 'like', `%"mediaId":${id}}%`),
            ]),
          )
          .orderBy('id')
          .limit(10)
          .execute();
        if (stories.length > 0) return { kind: 'in-use', stories };
        await trx.deleteFrom('article_featured_images').where('media_id', '=', id).execute();
        await trx.deleteFrom('media_files').where('media_id', '=', id).execute();
        await trx.deleteFrom('media').where('id', '=', id).execute();
        return { kind: 'removed' };
      });
      // Files outside the database go once the row is gone: a reader may get a 404 for a moment, never a broken row.
      if (outcome.kind === 'removed') await files.discard(id);
      return outcome;
    },
  };
}

export function toAsset(row: Selectable<MediaTable>): MediaAsset {
  return {
    id: row.id,
    format: row.format,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    // Written only by `add` from the widths actually stored.
    widths: JSON.parse(row.widths_json) as number[],
    createdAt: new Date(Number(row.created_at)),
  };
}
