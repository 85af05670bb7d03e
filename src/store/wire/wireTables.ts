import type { Generated } from 'kysely';

/** The wire inbox (migration 0015). */
export interface WireTables {
  wire_items: WireItemsTable;
  wire_item_versions: WireItemVersionsTable;
  wire_item_subjects: WireItemSubjectsTable;
  article_wire_sources: ArticleWireSourcesTable;
}

/** One agency item, unique by (agency, agency_id); its columns are those of the current version. */
export interface WireItemsTable {
  id: Generated<number>;
  agency: string;
  agency_id: string;
  version: number;
  status: 'usable' | 'withdrawn' | 'canceled';
  format: string;
  headline: string;
  /** Bylines joined with `, `. */
  byline: string;
  dateline: string | null;
  language: string | null;
  urgency: number | null;
  /** Epoch milliseconds. */
  first_created: number | null;
  version_created: number | null;
  sort_at: number;
  received_at: number;
  /** When a kill or withdrawal arrived; null while the item stands. */
  killed_at: number | null;
  /** The current version's `WireItem` as JSON (src/store/wire/wireItemJson.ts). */
  item_json: string;
  body_text: string;
  subjects_text: string;
}

export interface WireItemVersionsTable {
  item_id: number;
  version: number;
  status: 'usable' | 'withdrawn' | 'canceled';
  received_at: number;
  headline: string;
  item_json: string;
}

export interface WireItemSubjectsTable {
  item_id: number;
  subject: string;
}

/** The wire item and version a newsroom article was made from. */
export interface ArticleWireSourcesTable {
  article_id: number;
  wire_item_id: number;
  version: number;
  created_at: number;
}
