import type { Migration } from 'kysely';
import type { StoreDialect } from '../database.js';
import { initialMigration } from './0001_initial.js';

/**
 * Every migration, by name, in the order they run. Listed in code rather than
 * read from the folder so the compiled `dist/` runs them too.
 */
export function storeMigrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001_initial': initialMigration(dialect),
  };
}
