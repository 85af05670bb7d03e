import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Database, StoreDialect } from './database.js';
import { nameStatements } from './namedStatements.js';
import { applyConnectionSettings } from './sqliteSettings.js';
import { withStatementCache } from './statementCache.js';

/** Where the news store lives: an embedded SQLite file (the default) or a PostgreSQL server. */
export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly path: string }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      readonly schema?: string;
      /** Connections the pool may hold (default 10). */
      readonly poolSize?: number;
      /** PostgreSQL's `statement_timeout` for every pooled connection, in ms; 0 or absent: none. */
      readonly statementTimeoutMs?: number;
    };

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** The SQLite file, when the database is one (not in memory); null for PostgreSQL. */
  readonly sqliteFile: string | null;
  /**
   * Runs `work` while no other process starting on this database runs its
   * own: first starts (migrations, seeding) of several nodes at once take
   * turns. PostgreSQL: a session advisory lock keyed by the search path, held
   * on a connection of its own (so a pool of one still works, and a process
   * that dies lets go at once). SQLite: runs `work` as it is; one file is
   * served by processes of one machine, whose writers SQLite already serialises.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Opens a connection (SQLite) or a pool (PostgreSQL). Run `migrateToLatest` before use. */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  switch (target.kind) {
    case 'sqlite':
      return openSqlite(target.path);
    case 'postgres':
      return openPostgres(target);
  }
}

const SQLITE_MMAP_BYTES = 1024 * 1024 * 1024;

function openSqlite(path: string): OpenDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Sqlite(path);
  applyConnectionSettings(database);
  // Pages are read from a memory map of the file rather than with a pread each: an article page rendered from
  // cold read 2-3 pages the connection's own cache did not hold, and a system call is dear on some machines
  // (2-3 µs each on a VM). The map is address space, not memory: the pages are the OS's file cache, shared by
  // every process on the file. Up to 1 GiB of the file is mapped; beyond that SQLite reads as before.
  database.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return {
    db,
    dialect: 'sqlite',
    sqliteFile: path === ':memory:' ? null : path,
    exclusively: (work) => work(),
    close: () => db.destroy(),
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const INT8_OID = 20;

/** A connection that fails to open within this long counts as the database being away (a 503, not a hang). */
const CONNECT_TIMEOUT_MS = 5000;

async function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>): Promise<OpenDatabase> {
  const { url, schema } = target;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`PostgreSQL schema name "${schema}" must match ${SCHEMA_NAME}`);
  }
  // Loaded only for PostgreSQL: the embedded default never pays the driver's memory.
  const { default: pgModule } = await import('pg');
  const connection = {
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Set at connection start-up, so every pooled connection sees the schema
    // before its first query and no query can race a `SET`.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  };
  const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
    const client = new pgModule.Client(connection);
    client.on('error', () => {});
    await client.connect();
    try {
      // Keyed by the search path, so sites (or test runs) in other schemas of one database do not wait for each other.
      await client.query(
        "select pg_advisory_lock(hashtextextended('broadsheet start ' || current_setting('search_path'), 0))",
      );
      return await work();
    } finally {
      // Ending the session releases the lock.
      await client.end().catch(() => undefined);
    }
  };
  const pool = new pgModule.Pool({
    ...connection,
    max: target.poolSize ?? 10,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    // An idle connection does not keep the process alive: a command that is done exits at once, not when the idle
    // timeout closes its connections.
    allowExitOnIdle: true,
    ...(target.statementTimeoutMs ? { statement_timeout: target.statementTimeoutMs } : {}),
    // Epoch-millisecond columns and counts are int8, which pg returns as strings.
    // This parser applies to this pool only, not to pg's global type registry.
    types: { getTypeParser: int8AsNumber(pgModule.types) },
  });
  // An idle connection dropped by the server (restart, failover) is an 'error'
  // event, which would crash the process unheard; the pool already discards
  // that client and the next query opens a fresh one.
  pool.on('error', () => {});
  pool.on('connect', nameStatements);
  try {
    // Two processes creating one schema at once can collide in the catalogue, `if not exists` or not.
    if (schema !== undefined) await exclusively(() => pool.query(`create schema if not exists "${schema}"`));
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', sqliteFile: null, exclusively, close: () => db.destroy() };
}

/**
 * How long a pool connection may sit unused before it is closed. The pool hands out the connection used last, so
 * under steady load a few connections do the work and the rest wait for the bursts; at pg's 10 s those were closed
 * and opened again all through a busy minute (25-30 new sessions a minute, two workers at ~3,000 pages a second),
 * each a new backend that plans every statement afresh until PostgreSQL keeps a plan. Five minutes keeps them for
 * a busy site and still gives a quiet site's connections back.
 */
const IDLE_CONNECTION_MS = 5 * 60_000;

const int8AsNumber = (types: typeof pg.types) =>
  ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID && format !== 'binary') return parseSafeInteger;
    return types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser;

function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} does not fit a JavaScript number`);
  return value;
}
