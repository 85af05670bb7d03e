import type { Kysely } from 'kysely';
import type { ArticleSummary } from '../../news/article.js';
import type { FeaturedImage, StoryPicture } from '../../news/featuredImage.js';
import type { FrontPagePin } from '../../news/frontPage.js';
import type { Database, StoreDialect } from '../database.js';
import { type FeaturedImageRefusal, featuredImage, setFeaturedImage, storyPictures } from './featuredImages.js';
import { frontPagePins, replaceFrontPagePins } from './frontPagePins.js';
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

export function createFrontPageStore(db: Kysely<Database>, dialect: StoreDialect): FrontPageStore {
  return {
    featuredImage: (articleId) => featuredImage(db, articleId),
    setFeaturedImage: (articleId, featured) => setFeaturedImage(db, articleId, featured),
    storyPictures: (articleIds) => storyPictures(db, articleIds),
    pins: () => frontPagePins(db),
    replacePins: (pins, by, at) => replaceFrontPagePins(db, pins, by, at),
    addReads: (day, counts) => addReads(db, dialect, day, counts),
    mostRead: (query) => mostRead(db, query),
    readsOf: (articleId, fromDay) => readsOf(db, articleId, fromDay),
  };
}
