import { type Kysely, sql } from 'kysely';
import { type AccountsStore, createAccountsStore } from './accounts/accountsStore.js';
import { type ArticleWorkflowStore, createArticleWorkflowStore } from './articles/articleWorkflow.js';
import { createNewsStore, type KyselyNewsStore } from './articles/kyselyNewsStore.js';
import { type AuditStore, createAuditStore } from './audit/auditLog.js';
import { createModerationStore, type ModerationStore } from './comments/moderationStore.js';
import type { DatabaseTarget } from './connect.js';
import { openDatabase } from './connect.js';
import type { Database, StoreDialect } from './database.js';
import { createEditingStore, type EditingStore } from './editing/editingStore.js';
import { createFrontPageStore, createReadCountWriter, type FrontPageStore } from './frontPage/frontPageStore.js';
import { createMarketStore, type MarketStore } from './market/marketStore.js';
import { createMediaLibrary, type MediaLibrary } from './media/mediaLibrary.js';
import type { MediaPlace } from './media/mediaStore.js';
import { migrateToLatest } from './migrate.js';
import { createPrintStore, type PrintStore } from './print/printStore.js';
import { createSectionsStore, type SectionsStore } from './sections/sectionsStore.js';
import { createTagsStore, type TagsStore } from './tags/tagsStore.js';
import { createWireInboxStore, type WireInboxStore } from './wire/wireInboxStore.js';

/** A migrated store, ready to use, with the one call that releases its connections. */
export interface OpenedStore {
  readonly store: KyselyNewsStore;
  /** The connection itself, for the store's own tools and tests; the site's parts use the store objects. */
  readonly db: Kysely<Database>;
  /** The newsroom's accounts, sessions, failed sign-ins and known devices. */
  readonly accounts: AccountsStore;
  /** Who changed what. */
  readonly audit: AuditStore;
  /** Stories as the newsroom works on them: drafts, revisions, statuses, corrections. */
  readonly workflow: ArticleWorkflowStore;
  readonly tags: TagsStore;
  /** The sections of the navigation, as the newsroom manages them. */
  readonly sections: SectionsStore;
  readonly moderation: ModerationStore;
  readonly print: PrintStore;
  /** The market's log, instruments and daily bars. */
  readonly market: MarketStore;
  /** Autosaved copies of stories being typed, and who has which story open. */
  readonly editing: EditingStore;
  /** Featured pictures of stories, the front page's pins and read counts. */
  readonly frontPage: FrontPageStore;
  /** Agency copy received: items, their versions, search, and the drafts made from them. */
  readonly wire: WireInboxStore;
  /** Uploaded pictures: metadata in this database, files in a folder or in this database too. */
  mediaLibrary(place: MediaPlace): MediaLibrary;
  readonly dialect: StoreDialect;
  /**
   * Runs `work` while no other process starting on this database runs its own
   * (see OpenDatabase.exclusively): seeding an empty site on first start.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query; rejects with the driver's error otherwise. */
  ping(): Promise<void>;
  /** Runs `work` in one transaction: every change it makes through the stores it is given lands, or none does. */
  transaction<T>(work: (stores: TransactionStores) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The store objects that take part in a transaction. */
export interface TransactionStores {
  readonly accounts: AccountsStore;
  readonly audit: AuditStore;
}

export interface OpenStoreOptions {
  /**
   * Told once for each writer thread of a SQLite file (the market log's, the read counts') that could not start:
   * its writes then go on this connection.
   */
  readonly onWriterThreadUnavailable?: (error: Error) => void;
}

/** Opens the database, brings its schema to the latest migration and wraps it in the news store. */
export async function openStore(target: DatabaseTarget, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const opened = await openDatabase(target);
  try {
    await opened.exclusively(() => migrateToLatest(opened.db));
  } catch (error) {
    await opened.close();
    throw error;
  }
  const market = createMarketStore(opened.db, opened.sqliteFile, options.onWriterThreadUnavailable);
  const unavailable = options.onWriterThreadUnavailable;
  const readCounts =
    opened.sqliteFile === null
      ? null
      : createReadCountWriter(opened.sqliteFile, unavailable === undefined ? {} : { onUnavailable: unavailable });
  return {
    store: createNewsStore(opened.db, opened.dialect),
    db: opened.db,
    accounts: createAccountsStore(opened.db),
    audit: createAuditStore(opened.db),
    workflow: createArticleWorkflowStore(opened.db, opened.dialect),
    tags: createTagsStore(opened.db),
    sections: createSectionsStore(opened.db),
    moderation: createModerationStore(opened.db),
    print: createPrintStore(opened.db),
    market,
    editing: createEditingStore(opened.db),
    frontPage: createFrontPageStore(opened.db, opened.dialect, readCounts),
    wire: createWireInboxStore(opened.db, opened.dialect),
    mediaLibrary: (place) => createMediaLibrary(opened.db, place),
    dialect: opened.dialect,
    exclusively: (work) => opened.exclusively(work),
    ping: async () => {
      await sql`select 1`.execute(opened.db);
    },
    transaction: (work) =>
      opened.db
        .transaction()
        .execute((trx) => work({ accounts: createAccountsStore(trx), audit: createAuditStore(trx) })),
    close: async () => {
      await market.close();
      await readCounts?.close();
      await opened.close();
    },
  };
}
