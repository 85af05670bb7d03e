import type { Database } from '../database.js';

/** How one table is copied: the columns that order it for reading in batches, and its id counter if it has one. */
export interface TableCopyPlan {
  readonly table: keyof Database;
  /** The primary key, read in this order a batch at a time (keyset, never OFFSET). */
  readonly key: readonly string[];
  /**
   * The AUTOINCREMENT / serial column: its counter is carried over too, so an
   * id handed out once (in an article URL, a media URL cached for a year, an
   * audit entry) is never handed out again on the new database.
   */
  readonly counter?: string;
  /** Rows per batch when rows are large (whole market states, image metadata with JSON); default 500. */
  readonly batchRows?: number;
}

/**
 * Every table of a site, parents before children, so each batch lands with
 * the rows its foreign keys point at already there (deleting runs in reverse).
 */
export const SITE_TABLES = [
  { table: 'sections', key: ['slug'] },
  { table: 'tags', key: ['id'], counter: 'id' },
  { table: 'articles', key: ['id'], counter: 'id' },
  { table: 'article_tags', key: ['article_id', 'tag_id'] },
  { table: 'article_revisions', key: ['article_id', 'number'], batchRows: 200 },
  { table: 'article_corrections', key: ['id'], counter: 'id' },
  { table: 'comments', key: ['id'], counter: 'id' },
  { table: 'comment_spam_marks', key: ['comment_id'] },
  { table: 'comment_bans', key: ['ip'] },
  { table: 'tag_redirects', key: ['from_slug'] },
  { table: 'section_redirects', key: ['from_slug'] },
  { table: 'print_pages', key: ['edition_date', 'page'] },
  { table: 'print_placements', key: ['edition_date', 'article_id'] },
  { table: 'media', key: ['id'], counter: 'id' },
  // Picture bytes kept in the database (--media-store database): a few images per batch.
  { table: 'media_files', key: ['media_id', 'name'], batchRows: 20 },
  { table: 'article_featured_images', key: ['article_id'] },
  { table: 'front_page_pins', key: ['slot'] },
  { table: 'article_views', key: ['article_id', 'day'], batchRows: 2000 },
  { table: 'users', key: ['id'], counter: 'id' },
  { table: 'sessions', key: ['id'] },
  { table: 'login_devices', key: ['id'] },
  { table: 'login_failures', key: ['key'] },
  // One-time links (migration 0018): a pending one copied stays usable on the new database.
  { table: 'password_resets', key: ['id'], counter: 'id' },
  { table: 'invitations', key: ['id'], counter: 'id' },
  { table: 'audit_log', key: ['id'], counter: 'id' },
  // Autosaved copies are someone's unsaved typing: carried over like everything else acknowledged.
  { table: 'article_autosaves', key: ['article_id', 'user_id'], batchRows: 50 },
  { table: 'article_presence', key: ['article_id', 'user_id'] },
  { table: 'api_tokens', key: ['id'], counter: 'id' },
  { table: 'market_instruments', key: ['symbol'] },
  // A row is one event (~100 bytes) or a feed's run of up to 5,000 trades (~35 bytes each, migration 0024).
  { table: 'market_events', key: ['position'], counter: 'position', batchRows: 500 },
  // A checkpoint is the whole market's state as JSON: a few at a time keep memory flat.
  { table: 'market_checkpoints', key: ['position'], batchRows: 10 },
  { table: 'daily_bars', key: ['code', 'date'], batchRows: 2000 },
  // Which dates were closed, so the copy closes none twice; the engine lease too (it lapses by itself).
  { table: 'market_day_closes', key: ['date'] },
  { table: 'market_engine_lease', key: ['name'] },
  // The wire inbox (migration 0015): each row carries the item as JSON, so a few hundred per batch.
  { table: 'wire_items', key: ['id'], counter: 'id', batchRows: 200 },
  { table: 'wire_item_versions', key: ['item_id', 'version', 'status'], batchRows: 200 },
  { table: 'wire_item_subjects', key: ['item_id', 'subject'] },
  { table: 'article_wire_sources', key: ['article_id'] },
] as const satisfies readonly TableCopyPlan[];

/**
 * Tables the database derives itself and a copy never carries: the search
 * indexes (migrations 0011 and 0015), which the triggers on `articles` rebuild on the
 * target as the articles land. On SQLite, FTS5 keeps it in shadow tables.
 */
export const DERIVED_TABLES: readonly string[] = [
  'article_search',
  'article_search_data',
  'article_search_idx',
  'article_search_content',
  'article_search_docsize',
  'article_search_config',
  // The wire inbox's index (migration 0015), kept by triggers on `wire_items` the same way.
  'wire_search',
  'wire_search_data',
  'wire_search_idx',
  'wire_search_content',
  'wire_search_docsize',
  'wire_search_config',
];

type ListedTable = (typeof SITE_TABLES)[number]['table'];

/**
 * Fails to compile when a table is added to `Database` and not to the list
 * above: a site copy that silently left a table behind would lose data.
 */
export const EVERY_TABLE_LISTED: Exclude<keyof Database, ListedTable> extends never ? true : never = true;
