import { type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * The full-text index of published stories, `article_search`: FTS5 on SQLite,
 * a weighted tsvector with a GIN index on PostgreSQL (the `simple`
 * configuration: no stemming or stop words, so Urdu and every other script are
 * indexed as written). Triggers on `articles` keep it in step, so every way a
 * story is written (the desk, seeding, imports, a site copy) updates it in the
 * same transaction, and a story leaves it the moment it is no longer
 * published: a killed story cannot be found. Indexed: headline, summary,
 * dateline with the body's text, quote attributions and picture captions, and
 * the byline.
 */
export function articleSearchMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      switch (dialect) {
        case 'sqlite':
          return sqliteIndex(db);
        case 'postgres':
          return postgresIndex(db);
      }
    },
  };
}

// Columns searched, in this order on both engines: headline, summary, body, byline.
const SQLITE_BODY_TEXT = (row: 'new' | 'articles') => `concat_ws(char(10), ${row}.dateline,
    (select group_concat(concat_ws(' ', block.value ->> '$.text', block.value ->> '$.attribution',
      block.value ->> '$.caption'), char(10)) from json_each(${row}.body_json) as block))`;

async function sqliteIndex(db: Kysely<unknown>): Promise<void> {
  // remove_diacritics 2: "Sao Paulo" finds "São Paulo"; Urdu letters and marks stay word characters.
  await sql`create virtual table article_search using fts5(
    headline, summary, body, byline, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  // A headline match outweighs a summary match, which outweighs the body (bm25's column weights).
  await sql`insert into article_search (article_search, rank) values ('rank', 'bm25(10.0, 4.0, 1.0, 2.0)')`.execute(db);
  await sql
    .raw(`create trigger article_search_insert after insert on articles when new.status = 'published' begin
      insert into article_search (rowid, headline, summary, body, byline)
        values (new.id, new.headline, new.summary, ${SQLITE_BODY_TEXT('new')}, new.byline_value);
    end`)
    .execute(db);
  await sql
    .raw(`create trigger article_search_update
      after update of headline, summary, body_json, dateline, byline_value, status on articles begin
      delete from article_search where rowid = old.id;
      insert into article_search (rowid, headline, summary, body, byline)
        select new.id, new.headline, new.summary, ${SQLITE_BODY_TEXT('new')}, new.byline_value
        where new.status = 'published';
    end`)
    .execute(db);
  await sql`create trigger article_search_delete after delete on articles begin
      delete from article_search where rowid = old.id;
    end`.execute(db);
  await sql
    .raw(`insert into article_search (rowid, headline, summary, body, byline)
      select articles.id, articles.headline, articles.summary, ${SQLITE_BODY_TEXT('articles')}, articles.byline_value
      from articles where articles.status = 'published'`)
    .execute(db);
}

async function postgresIndex(db: Kysely<unknown>): Promise<void> {
  await sql`create table article_search (
      article_id integer primary key references articles (id) on delete cascade,
      headline text not null,
      summary text not null,
      body text not null,
      byline text not null,
      document tsvector not null
    )`.execute(db);
  await sql`create index article_search_document_idx on article_search using gin (document)`.execute(db);
  // Weights A–D: headline, summary, byline, body; ts_rank_cd scores them 1, 0.4, 0.2, 0.1.
  await sql`create function article_search_sync() returns trigger language plpgsql as $$
    declare
      body_text text;
    begin
      delete from article_search where article_id = new.id;
      if new.status = 'published' then
        select concat_ws(E'\n', new.dateline, string_agg(concat_ws(' ', block ->> 'text', block ->> 'attribution',
            block ->> 'caption'), E'\n'))
          into body_text from jsonb_array_elements(new.body_json::jsonb) as block;
        insert into article_search (article_id, headline, summary, body, byline, document)
          values (new.id, new.headline, new.summary, coalesce(body_text, ''), new.byline_value,
            setweight(to_tsvector('simple', new.headline), 'A')
            || setweight(to_tsvector('simple', new.summary), 'B')
            || setweight(to_tsvector('simple', new.byline_value), 'C')
            || setweight(to_tsvector('simple', coalesce(body_text, '')), 'D'));
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`create trigger article_search_sync
      after insert or update of headline, summary, body_json, dateline, byline_value, status on articles
      for each row execute function article_search_sync()`.execute(db);
  // Existing stories: touching the status column runs the trigger for each.
  await sql`update articles set status = status where status = 'published'`.execute(db);
}
