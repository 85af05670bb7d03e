import type Sqlite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The database Kysely's SQLite dialect talks to, with compiled statements kept
 * by their SQL text. Kysely prepares a statement for every query, and SQLite
 * compiling a 500-row INSERT of the market log costs about as much as running
 * it; the same few statements are run over and over, so each is compiled once.
 *
 * A statement still stepping through rows (a streamed SELECT) is busy; the
 * same SQL then gets a fresh statement rather than the busy one.
 */
export function withStatementCache(database: Sqlite.Database, capacity = 256): SqliteDatabase {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string) {
      const known = statements.get(sql);
      if (known !== undefined && !known.busy) {
        // Re-inserted, so the map's order is least recently used first.
        statements.delete(sql);
        statements.set(sql, known);
        return known;
      }
      const statement = database.prepare(sql);
      if (known === undefined) {
        if (statements.size >= capacity) {
          const oldest = statements.keys().next();
          if (oldest.done !== true) statements.delete(oldest.value);
        }
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
