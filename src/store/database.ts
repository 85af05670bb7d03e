import type { Generated } from 'kysely';
import type { AccountsTables } from './accounts/accountsTables.js';
import type { WorkflowTables } from './articles/articleWorkflowTables.js';
import type { ModerationTables } from './comments/moderationTables.js';
import type { EditingTables } from './editing/editingTables.js';
import type { FrontPageTables } from './frontPage/frontPageTables.js';
import type { MarketTables } from './market/marketTables.js';
import type { MediaTables } from './media/mediaTables.js';
import type { PrintEditionTables } from './print/printEditionTables.js';
import type { SectionAdminTables } from './sections/sectionAdminTables.js';
import type { TagAdminTables } from './tags/tagAdminTables.js';
import type { WireTables } from './wire/wireTables.js';

/**
 * Every table, as Kysely sees them: the one handle the store's functions take,
 * so none of them needs a narrowed view of the connection. One shape for
 * SQLite and PostgreSQL: instants are integer epoch milliseconds (`bigint` in
 * both), which sort correctly everywhere and never depend on a session time zone.
 */
export interface Database
  extends NewsTables,
    AccountsTables,
    MarketTables,
    WorkflowTables,
    ModerationTables,
    MediaTables,
    PrintEditionTables,
    TagAdminTables,
    SectionAdminTables,
    EditingTables,
    FrontPageTables,
    WireTables {}

/** Tables of the news side (migration 0001). */
export interface NewsTables {
  sections: SectionsTable;
  tags: TagsTable;
  articles: ArticlesTable;
  article_tags: ArticleTagsTable;
  comments: CommentsTable;
}

export interface SectionsTable {
  slug: string;
  name: string;
  position: number;
}

/** One row per canonical tag; `slug` is unique and is the identity readers see in URLs. */
export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  headline: string;
  summary: string;
  section_slug: string;
  byline_kind: 'agency' | 'staff';
  /** The agency code for an agency byline, the author's name for a staff byline. */
  byline_value: string;
  dateline: string | null;
  /** JSON text of the article's `Block[]`. */
  body_json: string;
  /** Epoch milliseconds, UTC. */
  published_at: number;
  print_page: number | null;
  /** Epoch milliseconds, UTC. */
  updated_at: number | null;
  // Newsroom workflow (migration 0004). Readers only ever see `status = 'published'`.
  status: Generated<'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'killed'>;
  /** When a scheduled story is due, epoch milliseconds. */
  scheduled_at: Generated<number | null>;
  /** 1 once the story has been on the site. */
  ever_published: Generated<number>;
  owner_kind: Generated<'user' | 'token' | null>;
  owner_id: Generated<number | null>;
  owner_name: Generated<string | null>;
  /** Last newsroom save, epoch milliseconds. */
  edited_at: Generated<number | null>;
  /** Latest revision number; 0 before the first newsroom save. */
  revision: Generated<number>;
  seo_title: Generated<string | null>;
  seo_description: Generated<string | null>;
  killed_at: Generated<number | null>;
  // Migration 0014.
  /** No publication, nor a schedule, before this instant (epoch milliseconds). */
  embargo_until: Generated<number | null>;
  /** The note of the last send-back to the writer; cleared when the story is submitted again. */
  sent_back_note: Generated<string | null>;
  sent_back_by: Generated<string | null>;
  sent_back_at: Generated<number | null>;
  /** JSON list of the bylines after the first ({ kind, value }); null for one byline. */
  more_bylines_json: Generated<string | null>;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  /** Order the newsroom gave the tags, so pages show them as written. */
  position: number;
}

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  name: string;
  email: string;
  body: string;
  status: 'pending' | 'approved' | 'rejected';
  /** Epoch milliseconds, UTC. */
  created_at: number;
  ip: string;
}

/** The two SQL engines the store runs on. */
export type StoreDialect = 'sqlite' | 'postgres';
