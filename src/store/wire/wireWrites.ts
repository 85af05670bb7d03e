import type { Kysely, Transaction } from 'kysely';
import { plainBlocksText } from '../../news/blockText.js';
import type { WireItem } from '../../news/wireItem.js';
import type { Database, StoreDialect } from '../database.js';
import type { WireStored } from './wireInboxStore.js';
import { wireItemToJson } from './wireItemJson.js';

/**
 * Stores a file's items in one transaction. Per item: a version already held
 * is a duplicate; a higher version replaces the current copy; a lower one is
 * kept in the history only (stale); a kill or withdrawal marks the item
 * killed, and a killed item stays killed whatever arrives after it.
 */
export async function storeWireItems(
  db: Kysely<Database>,
  dialect: StoreDialect,
  items: readonly WireItem[],
  receivedAt: Date,
): Promise<WireStored[]> {
  return db.transaction().execute(async (trx) => {
    const outcomes: WireStored[] = [];
    for (const item of items) outcomes.push(await storeOne(trx, dialect, item, receivedAt.getTime()));
    return outcomes;
  });
}

async function storeOne(
  trx: Transaction<Database>,
  dialect: StoreDialect,
  item: WireItem,
  at: number,
): Promise<WireStored> {
  const json = wireItemToJson(item);
  const killNotice = item.status !== 'usable';
  const current = await findCurrent(trx, dialect, item);
  if (current === null) {
    const inserted = await trx
      .insertInto('wire_items')
      .values({ ...currentColumns(item, json, at), killed_at: killNotice ? at : null })
      .onConflict((conflict) => conflict.columns(['agency', 'agency_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    // Another process stored the item first: carry on as for an item already held.
    if (inserted === undefined) return storeOne(trx, dialect, item, at);
    await recordVersion(trx, inserted.id, item, json, at);
    await writeSubjects(trx, inserted.id, item);
    return killNotice
      ? {
          status: 'killed',
          itemId: inserted.id,
          reason: 'A kill notice for an item not held before: recorded as killed.',
        }
      : { status: 'accepted', itemId: inserted.id, reason: null };
  }

  const id = current.id;
  if (!(await recordVersion(trx, id, item, json, at))) {
    return { status: 'duplicate', itemId: id, reason: `Version ${item.version} of this item is already in the inbox.` };
  }
  if (killNotice) {
    if (current.killed_at !== null) return { status: 'duplicate', itemId: id, reason: 'This item is already killed.' };
    await trx
      .updateTable('wire_items')
      .set({ status: item.status, killed_at: at, version: Math.max(current.version, item.version) })
      .where('id', '=', id)
      .execute();
    return { status: 'killed', itemId: id, reason: `The agency ${item.status} this item (version ${item.version}).` };
  }
  if (current.killed_at !== null) {
    return {
      status: 'stale',
      itemId: id,
      reason: 'The agency killed this item; this copy is kept in its history only.',
    };
  }
  if (item.version <= current.version) {
    return {
      status: 'stale',
      itemId: id,
      reason: `Version ${current.version} is newer; version ${item.version} is kept in the history only.`,
    };
  }
  await trx
    .updateTable('wire_items')
    .set(currentColumns(item, json, at))
    .where('id', '=', id)
    .execute();
  await trx.deleteFrom('wire_item_subjects').where('item_id', '=', id).execute();
  await writeSubjects(trx, id, item);
  return { status: 'updated', itemId: id, reason: `Replaces version ${current.version}.` };
}

async function findCurrent(trx: Transaction<Database>, dialect: StoreDialect, item: WireItem) {
  const query = trx
    .selectFrom('wire_items')
    .select(['id', 'version', 'killed_at'])
    .where('agency', '=', item.agency)
    .where('agency_id', '=', item.agencyId);
  // SQLite's writer already holds the whole database; PostgreSQL locks the one row.
  const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row === undefined ? null : { id: Number(row.id), version: Number(row.version), killed_at: row.killed_at };
}

/** False when this version (with this status) was already held. */
async function recordVersion(
  trx: Transaction<Database>,
  itemId: number,
  item: WireItem,
  json: string,
  at: number,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('wire_item_versions')
    .values({
      item_id: itemId,
      version: item.version,
      status: item.status,
      received_at: at,
      headline: item.headline,
      item_json: json,
    })
    .onConflict((conflict) => conflict.columns(['item_id', 'version', 'status']).doNothing())
    .returning('item_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

async function writeSubjects(trx: Transaction<Database>, itemId: number, item: WireItem): Promise<void> {
  const keys = subjectKeys(item);
  if (keys.length === 0) return;
  await trx
    .insertInto('wire_item_subjects')
    .values(keys.map((subject) => ({ item_id: itemId, subject })))
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** Every subject's name and code and every keyword, lower-cased: what the inbox's subject filter matches. */
export function subjectKeys(item: WireItem): string[] {
  const keys = new Set<string>();
  const add = (text: string | null) => {
    const key = text?.trim().toLowerCase();
    if (key) keys.add(key.slice(0, 200));
  };
  for (const subject of item.subjects) {
    add(subject.name);
    add(subject.code);
  }
  for (const keyword of item.keywords) add(keyword);
  return [...keys];
}

function currentColumns(item: WireItem, json: string, at: number) {
  const versionCreated = item.versionCreated?.getTime() ?? null;
  return {
    agency: item.agency,
    agency_id: item.agencyId,
    version: item.version,
    status: item.status,
    format: item.format,
    headline: item.headline,
    byline: item.bylines.join(', '),
    dateline: item.dateline?.text ?? null,
    language: item.language,
    urgency: item.urgency,
    first_created: item.firstCreated?.getTime() ?? null,
    version_created: versionCreated,
    sort_at: versionCreated ?? at,
    received_at: at,
    item_json: json,
    body_text: [item.summary ?? '', plainBlocksText(item.body)].join('\n'),
    subjects_text: [...item.subjects.flatMap((subject) => subject.name ?? []), ...item.keywords].join(' '),
  };
}
