import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database, StoreDialect } from '../database.js';
import type { TableCopyPlan } from './siteTables.js';

/** A connection or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** One row as the driver hands it over: the copy moves values, it never interprets them. */
export type Row = Readonly<Record<string, unknown>>;

/**
 * The table's rows in key order, `batchRows` at a time: each batch starts
 * after the last key of the one before (a keyset), so a big table is never in
 * memory at once and reading stays fast however deep into it the copy is.
 */
export async function* rowBatches(db: Executor, plan: TableCopyPlan, batchRows: number): AsyncGenerator<Row[]> {
  const key = plan.key.map((column) => sql.ref(column));
  const order = sql.join(key);
  let after: readonly unknown[] | null = null;
  for (;;) {
    const where: RawBuilder<unknown> =
      after === null ? sql`` : sql`where (${order}) > (${sql.join(after.map((value) => sql`${value}`))})`;
    const { rows } =
      await sql<Row>`select * from ${sql.table(plan.table)} ${where} order by ${order} limit ${batchRows}`.execute(db);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (last === undefined || rows.length < batchRows) return;
    after = plan.key.map((column) => last[column]);
  }
}

/** Inserts the rows as they are, ids included, in one statement. */
export async function insertRows(db: Executor, table: string, rows: readonly Row[]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const values = rows.map((row) => sql`(${sql.join(columns.map((column) => sql`${row[column] ?? null}`))})`);
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))}) values ${sql.join(values)}`.execute(
    db,
  );
}

export async function countRows(db: Executor, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function deleteRows(db: Executor, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(db);
}

/** The tables this database holds besides Kysely's migration bookkeeping. */
export async function tablesPresent(db: Executor, dialect: StoreDialect): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'
          and name not like 'sqlite\\_%' escape '\\' and name not like 'kysely\\_%' escape '\\'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely\\_%'`.execute(
          db,
        );
  return rows.map((row) => row.name);
}

/**
 * The highest value the table's id counter has handed out (0: none), which can
 * be above the highest id still in the table when the newest rows were deleted.
 */
export async function counterValue(
  db: Executor,
  dialect: StoreDialect,
  table: string,
  column: string,
): Promise<number> {
  const { rows: highest } = await sql<{
    n: number | string | null;
  }>`select max(${sql.ref(column)}) as n from ${sql.table(table)}`.execute(db);
  const inTable = Number(highest[0]?.n ?? 0);
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db);
    return Math.max(inTable, Number(rows[0]?.seq ?? 0));
  }
  const sequence = await sequenceOf(db, table, column);
  const { rows } = await sql<{
    last_value: number | string;
    is_called: boolean;
  }>`select last_value, is_called from ${sql.raw(sequence)}`.execute(db);
  const state = rows[0];
  const handedOut = state === undefined || !state.is_called ? 0 : Number(state.last_value);
  return Math.max(inTable, handedOut);
}

/** Sets the counter so the next id handed out is `value + 1`. */
export async function setCounter(
  db: Executor,
  dialect: StoreDialect,
  table: string,
  column: string,
  value: number,
): Promise<void> {
  if (dialect === 'sqlite') {
    // SQLite raised its counter to the highest id inserted; only a higher value from the source is written.
    await sql`delete from sqlite_sequence where name = ${table}`.execute(db);
    if (value > 0) await sql`insert into sqlite_sequence (name, seq) values (${table}, ${value})`.execute(db);
    return;
  }
  const sequence = await sequenceOf(db, table, column);
  // setval(…, 1, false): the next nextval is 1, as on a table that never had a row.
  if (value > 0) await sql`select setval(${sequence}::regclass, ${value}, true)`.execute(db);
  else await sql`select setval(${sequence}::regclass, 1, false)`.execute(db);
}

async function sequenceOf(db: Executor, table: string, column: string): Promise<string> {
  const { rows } = await sql<{
    name: string | null;
  }>`select pg_get_serial_sequence(${table}, ${column}) as name`.execute(db);
  const name = rows[0]?.name;
  if (name == null) throw new Error(`${table}.${column} has no sequence on this PostgreSQL database`);
  return name;
}
