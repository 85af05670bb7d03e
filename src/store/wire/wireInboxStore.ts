import type { Kysely } from 'kysely';
import type { SearchTerms } from '../../news/searchQuery.js';
import type { WireItem } from '../../news/wireItem.js';
import type { Page } from '../articles/newsStore.js';
import type { Bound } from '../bound.js';
import type { Database, StoreDialect } from '../database.js';
import { getWireItem, linkArticleToWire, listWireAgencies, listWireItems, wireSourceOfArticle } from './wireQueries.js';
import { storeWireItems } from './wireWrites.js';

/** What the inbox did with one item it was given (issue 15: versions, repeats, kills). */
export type WireStoreStatus = 'accepted' | 'updated' | 'duplicate' | 'stale' | 'killed';

export interface WireStored {
  readonly status: WireStoreStatus;
  readonly itemId: number;
  /** Why, for every status but a plain `accepted`. */
  readonly reason: string | null;
}

/** Which items an inbox page wants, newest first. */
export interface WireInboxQuery {
  readonly agency?: string;
  /** A subject's or keyword's name or code, any case. */
  readonly subject?: string;
  /** Version time (else arrival) at or after this instant. */
  readonly from?: Date;
  /** …and before this one. */
  readonly until?: Date;
  /** Urgency 1 (flash) to this number only. */
  readonly maxUrgency?: number;
  /** Full-text search over headline, byline, subjects and body. */
  readonly terms?: SearchTerms;
  readonly limit: number;
  readonly offset?: number;
}

/** One line of the inbox. */
export interface WireInboxEntry {
  readonly id: number;
  readonly agency: string;
  readonly agencyId: string;
  readonly version: number;
  readonly status: WireItem['status'];
  readonly headline: string;
  readonly byline: string;
  readonly dateline: string | null;
  readonly urgency: number | null;
  readonly language: string | null;
  readonly versionCreated: Date | null;
  readonly receivedAt: Date;
  readonly sortAt: Date;
  readonly killedAt: Date | null;
}

export interface WireVersionEntry {
  readonly version: number;
  readonly status: WireItem['status'];
  readonly receivedAt: Date;
  readonly headline: string;
}

/** An item with its current copy, every version received, and the articles made from it. */
export interface WireInboxItem {
  readonly entry: WireInboxEntry;
  readonly item: WireItem;
  /** Newest first. */
  readonly versions: readonly WireVersionEntry[];
  readonly articles: readonly { readonly articleId: number; readonly version: number }[];
}

/** The wire copy an article was made from, and whether the agency has moved on since. */
export interface WireSource {
  readonly itemId: number;
  readonly agency: string;
  readonly agencyId: string;
  /** The version the article was made from. */
  readonly version: number;
  readonly currentVersion: number;
  readonly status: WireItem['status'];
  readonly killedAt: Date | null;
}

/** The wire inbox: items by agency and id with their versions, searchable, linked to the drafts made from them. */
export interface WireInboxStore {
  /** Stores a file's items in one transaction: all of them, or (on an error) none. */
  store(items: readonly WireItem[], receivedAt: Date): Promise<WireStored[]>;
  list(query: WireInboxQuery): Promise<Page<WireInboxEntry>>;
  get: Bound<typeof getWireItem>;
  agencies: Bound<typeof listWireAgencies>;
  linkArticle: Bound<typeof linkArticleToWire>;
  sourceOfArticle: Bound<typeof wireSourceOfArticle>;
}

export function createWireInboxStore(db: Kysely<Database>, dialect: StoreDialect): WireInboxStore {
  return {
    store: (items, receivedAt) => storeWireItems(db, dialect, items, receivedAt),
    list: (query) => listWireItems(db, dialect, query),
    get: (id) => getWireItem(db, id),
    agencies: () => listWireAgencies(db),
    linkArticle: (link) => linkArticleToWire(db, link),
    sourceOfArticle: (articleId) => wireSourceOfArticle(db, articleId),
  };
}
