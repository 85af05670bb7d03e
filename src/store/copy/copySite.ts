import type { Transaction } from 'kysely';
import { type DatabaseTarget, type OpenDatabase, openDatabase } from '../connect.js';
import type { Database, StoreDialect } from '../database.js';
import { migrateToLatest } from '../migrate.js';
import { DERIVED_TABLES, SITE_TABLES, type TableCopyPlan } from './siteTables.js';
import {
  counterValue,
  countRows,
  deleteRows,
  type Executor,
  insertRows,
  rowBatches,
  setCounter,
  tablesPresent,
} from './tableRows.js';

export interface SiteCopyOptions {
  readonly from: DatabaseTarget;
  readonly to: DatabaseTarget;
  /** Empty a target that already holds rows; without it such a target is refused and left alone. */
  readonly replace?: boolean;
  /** Rows per batch for tables without their own size (default 500). */
  readonly batchRows?: number;
  /** Called after each batch lands, for a progress line. */
  readonly onBatch?: (table: string, copied: number) => void;
}

/** Rows of one table in the source's snapshot and in the target before its COMMIT. */
export interface TableCount {
  readonly table: string;
  readonly source: number;
  readonly target: number;
}

export type SiteCopyReport =
  | { readonly outcome: 'copied'; readonly counts: readonly TableCount[] }
  /** The counts differed: the target's transaction was rolled back, nothing was written. */
  | { readonly outcome: 'mismatch'; readonly counts: readonly TableCount[] }
  /** The target already had rows and `replace` was not given: nothing was written. */
  | { readonly outcome: 'targetNotEmpty'; readonly nonEmpty: readonly TableCount[] };

/** Why a copy cannot even start (same database twice, a table this version does not know). */
export class SiteCopyRefused extends Error {
  override readonly name = 'SiteCopyRefused';
}

const DEFAULT_BATCH_ROWS = 500;

/**
 * Copies every table of a site from one database to another (SQLite or
 * PostgreSQL, either way), keeping ids and id counters. Both are brought to
 * the latest migration first. The source is read in one snapshot; the
 * target is written in one transaction that commits only when every table's
 * count matches the source's, so a failed or mismatched copy leaves the
 * target as it was.
 */
export async function copySite(options: SiteCopyOptions): Promise<SiteCopyReport> {
  if (sameDatabase(options.from, options.to)) throw new SiteCopyRefused('--from and --to are the same database');
  const source = await openMigrated(options.from);
  try {
    const target = await openMigrated(options.to);
    try {
      await refuseUnknownTables(source);
      return await readSnapshot(source, (snapshot) =>
        target.db.transaction().execute(async (trx) => copyInto(snapshot, source, trx, target, options)),
      );
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function copyInto(
  snapshot: Executor,
  source: OpenDatabase,
  trx: Transaction<Database>,
  target: OpenDatabase,
  options: SiteCopyOptions,
): Promise<SiteCopyReport> {
  const existing: TableCount[] = [];
  for (const { table } of SITE_TABLES) {
    const rows = await countRows(trx, table);
    if (rows > 0) existing.push({ table, source: 0, target: rows });
  }
  if (existing.length > 0) {
    if (!options.replace) return { outcome: 'targetNotEmpty', nonEmpty: existing };
    for (const { table } of [...SITE_TABLES].reverse()) await deleteRows(trx, table);
  }

  const counts: TableCount[] = [];
  for (const plan of SITE_TABLES as readonly TableCopyPlan[]) {
    let copied = 0;
    for await (const batch of rowBatches(snapshot, plan, plan.batchRows ?? options.batchRows ?? DEFAULT_BATCH_ROWS)) {
      await insertRows(trx, plan.table, batch);
      copied += batch.length;
      options.onBatch?.(plan.table, copied);
    }
    if (plan.counter !== undefined) {
      const handedOut = await counterValue(snapshot, source.dialect, plan.table, plan.counter);
      await setCounter(trx, target.dialect, plan.table, plan.counter, handedOut);
    }
    counts.push({
      table: plan.table,
      source: await countRows(snapshot, plan.table),
      target: await countRows(trx, plan.table),
    });
  }
  if (counts.some((count) => count.source !== count.target)) {
    // Throwing is how Kysely rolls a transaction back; the report travels with it.
    throw new CountMismatch(counts);
  }
  return { outcome: 'copied', counts };
}

class CountMismatch extends Error {
  constructor(readonly counts: readonly TableCount[]) {
    super('row counts differ');
  }
}

/**
 * Runs `work` inside one read transaction of the source, so a site that is
 * still serving is copied as of one instant (SQLite's WAL snapshot,
 * PostgreSQL's repeatable read) and not half before and half after a write.
 */
async function readSnapshot(
  source: { readonly db: OpenDatabase['db']; readonly dialect: StoreDialect },
  work: (snapshot: Executor) => Promise<SiteCopyReport>,
): Promise<SiteCopyReport> {
  try {
    const builder =
      source.dialect === 'postgres'
        ? source.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only')
        : source.db.transaction();
    return await builder.execute(work);
  } catch (error) {
    if (error instanceof CountMismatch) return { outcome: 'mismatch', counts: error.counts };
    throw error;
  }
}

async function openMigrated(target: DatabaseTarget): Promise<OpenDatabase> {
  const opened = await openDatabase(target);
  try {
    await migrateToLatest(opened.db);
    return opened;
  } catch (error) {
    await opened.close();
    throw error;
  }
}

/** A table the source has and this version does not copy would be lost without a word: stop instead. */
async function refuseUnknownTables(source: OpenDatabase): Promise<void> {
  const known = new Set<string>([...SITE_TABLES.map((plan) => plan.table), ...DERIVED_TABLES]);
  const unknown = (await tablesPresent(source.db, source.dialect)).filter((table) => !known.has(table));
  if (unknown.length > 0) {
    throw new SiteCopyRefused(
      `the source has tables this version of broadsheet does not know (${unknown.join(', ')}); copy with the version that made them`,
    );
  }
}

function sameDatabase(a: DatabaseTarget, b: DatabaseTarget): boolean {
  if (a.kind === 'sqlite' && b.kind === 'sqlite') return a.path === b.path;
  if (a.kind === 'postgres' && b.kind === 'postgres') return a.url === b.url && a.schema === b.schema;
  return false;
}
