import type { Kysely } from 'kysely';
import type { ArticleSummary } from '../../news/article.js';
import type { FeaturedImage, StoryPicture } from '../../news/featuredImage.js';
import type { FrontPagePin } from '../../news/frontPage.js';
import type { Database, StoreDialect } from '../database.js';
import {
  createThreadedWriter,
  type ThreadedWriter,
  type ThreadedWriterOptions,
  WriterThreadUnavailable,
} from '../writerThread.js';
import { type FeaturedImageRefusal, featuredImage, setFeaturedImage, storyPictures } from './featuredImages.js';
import { frontPagePins, replaceFrontPagePins } from './frontPagePins.js';
import { flatReads, type ReadsJob } from './readCountStatement.js';
import { addReads, mostRead, readsOf } from './readCounts.js';

/** Stories' featured pictures, the front page's pins and read counts: what the front page is arranged from. */
export interface FrontPageStore {
  featuredImage(articleId: number): Promise<FeaturedImage | null>;
  setFeaturedImage(
    articleId: number,
    featured: FeaturedImage | null,
  ): Promise<{ ok: true } | { ok: false; reason: FeaturedImageRefusal }>;
  /** Featured pictures of these stories, by story id. */
  storyPictures(articleIds: readonly number[]): Promise<ReadonlyMap<number, StoryPicture>>;
  pins(): Promise<FrontPagePin[]>;
  replacePins(
    pins: readonly FrontPagePin[],
    by: string,
    at: Date,
  ): Promise<{ ok: true } | { ok: false; unpublished: readonly number[] }>;
  addReads(day: string, counts: ReadonlyMap<number, number>): Promise<void>;
  mostRead(query: { readonly fromDay: string; readonly limit: number }): Promise<ArticleSummary[]>;
  readsOf(articleId: number, fromDay: string): Promise<number>;
}

/** Adds a SQLite file's story reads on a thread of its own (readCountThread.ts). */
export type ReadCountWriter = ThreadedWriter<ReadsJob>;

export function createReadCountWriter(sqliteFile: string, options: ThreadedWriterOptions = {}): ReadCountWriter {
  return createThreadedWriter<ReadsJob>(
    { name: 'read count writer', entry: new URL('./readCountThread.js', import.meta.url) },
    sqliteFile,
    options,
  );
}

/**
 * `readCounts`: the SQLite file's read-count thread, which then adds the reads; should it not start, they are
 * added on `db` as on PostgreSQL.
 */
export function createFrontPageStore(
  db: Kysely<Database>,
  dialect: StoreDialect,
  readCounts: ReadCountWriter | null = null,
): FrontPageStore {
  return {
    featuredImage: (articleId) => featuredImage(db, articleId),
    setFeaturedImage: (articleId, featured) => setFeaturedImage(db, articleId, featured),
    storyPictures: (articleIds) => storyPictures(db, articleIds),
    pins: () => frontPagePins(db),
    replacePins: (pins, by, at) => replaceFrontPagePins(db, pins, by, at),
    addReads: async (day, counts) => {
      if (readCounts?.available) {
        try {
          return await readCounts.write({ day, reads: flatReads(counts) });
        } catch (error) {
          // Only a thread that never started leaves the counts unwritten for certain; anything else is given up.
          if (!(error instanceof WriterThreadUnavailable)) throw error;
        }
      }
      return addReads(db, dialect, day, counts);
    },
    mostRead: (query) => mostRead(db, query),
    readsOf: (articleId, fromDay) => readsOf(db, articleId, fromDay),
  };
}
