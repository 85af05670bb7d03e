import { type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * The wire inbox: one row per agency item (`wire_items`, unique by agency and
 * the agency's id) holding its current version, every version received
 * (`wire_item_versions`, kept for history and to recognise a repeat), the
 * subjects the inbox filters by, the full-text index (FTS5 `wire_search` on
 * SQLite, a tsvector column with a GIN index on PostgreSQL, the `simple`
 * configuration as for stories; both kept by triggers, so a site copy
 * rebuilds them as rows land), and the link from a draft article to the
 * item and version it was made from (`article_wire_sources`).
 */
export function wireInboxMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const sqlite = dialect === 'sqlite';
      await db.schema
        .createTable('wire_items')
        .addColumn('id', sqlite ? 'integer' : 'serial', (c) =>
          sqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('agency_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('byline', 'text', (c) => c.notNull())
        .addColumn('dateline', 'text')
        .addColumn('language', 'text')
        .addColumn('urgency', 'integer')
        .addColumn('first_created', 'bigint')
        .addColumn('version_created', 'bigint')
        // What the inbox sorts by: the agency's version time, else when it arrived.
        .addColumn('sort_at', 'bigint', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('killed_at', 'bigint')
        .addColumn('item_json', 'text', (c) => c.notNull())
        // The body's and the subjects' text, as the search index reads them.
        .addColumn('body_text', 'text', (c) => c.notNull())
        .addColumn('subjects_text', 'text', (c) => c.notNull())
        .addCheckConstraint('wire_items_status_check', sql`status in ('usable', 'withdrawn', 'canceled')`)
        .addUniqueConstraint('wire_items_agency_item_unique', ['agency', 'agency_id'])
        .execute();
      await db.schema.createIndex('wire_items_sort_idx').on('wire_items').columns(['sort_at', 'id']).execute();

      await db.schema
        .createTable('wire_item_versions')
        .addColumn('item_id', 'integer', (c) => c.notNull().references('wire_items.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('item_json', 'text', (c) => c.notNull())
        // A kill notice may repeat the version number of the copy it kills: both are kept.
        .addPrimaryKeyConstraint('wire_item_versions_pk', ['item_id', 'version', 'status'])
        .execute();

      await db.schema
        .createTable('wire_item_subjects')
        .addColumn('item_id', 'integer', (c) => c.notNull().references('wire_items.id').onDelete('cascade'))
        // Lower-cased name or code, as the inbox's filter compares them.
        .addColumn('subject', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('wire_item_subjects_pk', ['item_id', 'subject'])
        .execute();
      await db.schema
        .createIndex('wire_item_subjects_subject_idx')
        .on('wire_item_subjects')
        .column('subject')
        .execute();

      await db.schema
        .createTable('article_wire_sources')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('wire_item_id', 'integer', (c) => c.notNull().references('wire_items.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('article_wire_sources_item_idx')
        .on('article_wire_sources')
        .column('wire_item_id')
        .execute();

      if (sqlite) await sqliteIndex(db);
      else await postgresIndex(db);
    },
  };
}

async function sqliteIndex(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table wire_search using fts5(
    headline, body, byline, subjects, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  await sql`insert into wire_search (wire_search, rank) values ('rank', 'bm25(10.0, 1.0, 2.0, 2.0)')`.execute(db);
  await sql`create trigger wire_search_insert after insert on wire_items begin
      insert into wire_search (rowid, headline, body, byline, subjects)
        values (new.id, new.headline, new.body_text, new.byline, new.subjects_text);
    end`.execute(db);
  await sql`create trigger wire_search_update after update of headline, body_text, byline, subjects_text on wire_items begin
      delete from wire_search where rowid = old.id;
      insert into wire_search (rowid, headline, body, byline, subjects)
        values (new.id, new.headline, new.body_text, new.byline, new.subjects_text);
    end`.execute(db);
  await sql`create trigger wire_search_delete after delete on wire_items begin
      delete from wire_search where rowid = old.id;
    end`.execute(db);
}

async function postgresIndex(db: Kysely<unknown>): Promise<void> {
  await sql`create table wire_search (
      item_id integer primary key references wire_items (id) on delete cascade,
      document tsvector not null
    )`.execute(db);
  await sql`create index wire_search_document_idx on wire_search using gin (document)`.execute(db);
  await sql`create function wire_search_sync() returns trigger language plpgsql as $$
    begin
      insert into wire_search (item_id, document)
        values (new.id, setweight(to_tsvector('simple', new.headline), 'A')
          || setweight(to_tsvector('simple', new.byline || ' ' || new.subjects_text), 'B')
          || setweight(to_tsvector('simple', new.body_text), 'D'))
        on conflict (item_id) do update set document = excluded.document;
      return null;
    end
    $$`.execute(db);
  await sql`create trigger wire_search_sync
      after insert or update of headline, body_text, byline, subjects_text on wire_items
      for each row execute function wire_search_sync()`.execute(db);
}
