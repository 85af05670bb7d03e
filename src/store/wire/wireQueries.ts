import { type Kysely, type RawBuilder, sql } from 'kysely';
import { isEmptySearch } from '../../news/searchQuery.js';
import type { Page } from '../articles/newsStore.js';
import { postgresTsquery } from '../articles/postgresArticleSearch.js';
import { fts5Expression } from '../articles/sqliteArticleSearch.js';
import type { Database, StoreDialect } from '../database.js';
import type { WireInboxEntry, WireInboxItem, WireInboxQuery, WireSource } from './wireInboxStore.js';
import { wireItemFromJson } from './wireItemJson.js';

const ENTRY_COLUMNS = sql`w.id, w.agency, w.agency_id, w.version, w.status, w.headline, w.byline, w.dateline,
  w.urgency, w.language, w.version_created, w.received_at, w.sort_at, w.killed_at`;

interface EntryRow {
  id: number;
  agency: string;
  agency_id: string;
  version: number;
  status: WireInboxEntry['status'];
  headline: string;
  byline: string;
  dateline: string | null;
  urgency: number | null;
  language: string | null;
  version_created: number | string | null;
  received_at: number | string;
  sort_at: number | string;
  killed_at: number | string | null;
}

function toEntry(row: EntryRow): WireInboxEntry {
  const instant = (value: number | string | null) => (value === null ? null : new Date(Number(value)));
  return {
    id: Number(row.id),
    agency: row.agency,
    agencyId: row.agency_id,
    version: Number(row.version),
    status: row.status,
    headline: row.headline,
    byline: row.byline,
    dateline: row.dateline,
    urgency: row.urgency === null ? null : Number(row.urgency),
    language: row.language,
    versionCreated: instant(row.version_created),
    receivedAt: new Date(Number(row.received_at)),
    sortAt: new Date(Number(row.sort_at)),
    killedAt: instant(row.killed_at),
  };
}

/** The inbox, newest first, with its filters; `total` counts every match, not just this page. */
export async function listWireItems(
  db: Kysely<Database>,
  dialect: StoreDialect,
  query: WireInboxQuery,
): Promise<Page<WireInboxEntry>> {
  const conditions: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (query.agency !== undefined) conditions.push(sql`w.agency = ${query.agency}`);
  if (query.subject !== undefined) {
    conditions.push(sql`w.id in (select s.item_id from wire_item_subjects s
      where s.subject = ${query.subject.trim().toLowerCase()})`);
  }
  if (query.from !== undefined) conditions.push(sql`w.sort_at >= ${query.from.getTime()}`);
  if (query.until !== undefined) conditions.push(sql`w.sort_at < ${query.until.getTime()}`);
  if (query.maxUrgency !== undefined) conditions.push(sql`w.urgency <= ${query.maxUrgency}`);
  if (query.terms !== undefined && !isEmptySearch(query.terms)) {
    conditions.push(
      dialect === 'sqlite'
        ? sql`w.id in (select rowid from wire_search where wire_search match ${fts5Expression(query.terms)})`
        : sql`w.id in (select item_id from wire_search where document @@ ${postgresTsquery(query.terms)})`,
    );
  }
  const where = sql.join(conditions, sql` and `);
  const { rows } = await sql<EntryRow>`select ${ENTRY_COLUMNS} from wire_items w where ${where}
    order by w.sort_at desc, w.id desc limit ${query.limit} offset ${query.offset ?? 0}`.execute(db);
  const { rows: counted } = await sql<{ total: number | string }>`select count(*) as total
    from wire_items w where ${where}`.execute(db);
  return { total: Number(counted[0]?.total ?? 0), items: rows.map(toEntry) };
}

export async function getWireItem(db: Kysely<Database>, id: number): Promise<WireInboxItem | null> {
  const { rows } = await sql<EntryRow & { item_json: string }>`select ${ENTRY_COLUMNS}, w.item_json
    from wire_items w where w.id = ${id}`.execute(db);
  const row = rows[0];
  if (row === undefined) return null;
  const versions = await db
    .selectFrom('wire_item_versions')
    .select(['version', 'status', 'received_at', 'headline'])
    .where('item_id', '=', id)
    .orderBy('version', 'desc')
    .orderBy('received_at', 'desc')
    .execute();
  const articles = await db
    .selectFrom('article_wire_sources')
    .select(['article_id', 'version'])
    .where('wire_item_id', '=', id)
    .orderBy('article_id')
    .execute();
  return {
    entry: toEntry(row),
    item: wireItemFromJson(row.item_json),
    versions: versions.map((version) => ({
      version: Number(version.version),
      status: version.status,
      receivedAt: new Date(Number(version.received_at)),
      headline: version.headline,
    })),
    articles: articles.map((article) => ({ articleId: Number(article.article_id), version: Number(article.version) })),
  };
}

/** Agencies with at least one item, for the inbox's filter. */
export async function listWireAgencies(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('wire_items').select('agency').distinct().orderBy('agency').execute();
  return rows.map((row) => row.agency);
}

/** Records which wire item and version an article was made from. */
export async function linkArticleToWire(
  db: Kysely<Database>,
  link: { readonly articleId: number; readonly itemId: number; readonly version: number; readonly at: Date },
): Promise<void> {
  await db
    .insertInto('article_wire_sources')
    .values({
      article_id: link.articleId,
      wire_item_id: link.itemId,
      version: link.version,
      created_at: link.at.getTime(),
    })
    .execute();
}

export async function wireSourceOfArticle(db: Kysely<Database>, articleId: number): Promise<WireSource | null> {
  const row = await db
    .selectFrom('article_wire_sources as a')
    .innerJoin('wire_items as w', 'w.id', 'a.wire_item_id')
    .select(['w.id', 'w.agency', 'w.agency_id', 'a.version', 'w.version as current_version', 'w.status', 'w.killed_at'])
    .where('a.article_id', '=', articleId)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    itemId: Number(row.id),
    agency: row.agency,
    agencyId: row.agency_id,
    version: Number(row.version),
    currentVersion: Number(row.current_version),
    status: row.status,
    killedAt: row.killed_at === null ? null : new Date(Number(row.killed_at)),
  };
}
