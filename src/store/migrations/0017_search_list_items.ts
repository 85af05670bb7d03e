import { type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * Lists joined the body's blocks (`{ type: 'list', items: [{ text }] }`):
 * the search index now takes each item's text with the other blocks', on
 * both engines, and every published story is indexed again. Otherwise as
 * migration 0011.
 */
export function searchListItemsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      switch (dialect) {
        case 'sqlite':
          return sqliteTriggers(db);
        case 'postgres':
          return postgresFunction(db);
      }
    },
  };
}

const SQLITE_BODY_TEXT = (row: 'new' | 'articles') => `concat_ws(char(10), ${row}.dateline,
    (select group_concat(concat_ws(' ', block.value ->> '$.text', block.value ->> '$.attribution',
      block.value ->> '$.caption',
      (select group_concat(item.value ->> '$.text', ' ') from json_each(block.value, '$.items') as item)), char(10))
     from json_each(${row}.body_json) as block))`;

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger article_search_insert`.execute(db);
  await sql`drop trigger article_search_update`.execute(db);
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
  await sql`delete from article_search`.execute(db);
  await sql
    .raw(`insert into article_search (rowid, headline, summary, body, byline)
      select articles.id, articles.headline, articles.summary, ${SQLITE_BODY_TEXT('articles')}, articles.byline_value
      from articles where articles.status = 'published'`)
    .execute(db);
}

async function postgresFunction(db: Kysely<unknown>): Promise<void> {
  await sql`create or replace function article_search_sync() returns trigger language plpgsql as $$
    declare
      body_text text;
    begin
      delete from article_search where article_id = new.id;
      if new.status = 'published' then
        select concat_ws(E'\n', new.dateline, string_agg(concat_ws(' ', block ->> 'text', block ->> 'attribution',
            block ->> 'caption',
            (select string_agg(item ->> 'text', ' ') from jsonb_array_elements(
              case when jsonb_typeof(block -> 'items') = 'array' then block -> 'items' else '[]'::jsonb end) as item)),
            E'\n'))
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
  // Existing stories: touching the status column runs the trigger for each.
  await sql`update articles set status = status where status = 'published'`.execute(db);
}
