import type { Focus } from '../../news/featuredImage.js';
import type { FrontPageSlot } from '../../news/frontPage.js';

/** Featured pictures, front-page pins and read counts (migration 0013). */
export interface FrontPageTables {
  article_featured_images: ArticleFeaturedImageTable;
  front_page_pins: FrontPagePinTable;
  article_views: ArticleViewTable;
}

export interface ArticleFeaturedImageTable {
  article_id: number;
  media_id: number;
  caption: string | null;
  credit: string | null;
  focus: Focus;
}

export interface FrontPagePinTable {
  slot: FrontPageSlot;
  article_id: number;
  pinned_at: number;
  pinned_by: string;
}

export interface ArticleViewTable {
  article_id: number;
  /** Karachi day, `YYYY-MM-DD`. */
  day: string;
  /** bigint: a number on SQLite, a string on PostgreSQL. */
  views: number | string;
}
