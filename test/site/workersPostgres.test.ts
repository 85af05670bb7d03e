import { after } from 'node:test';
import { freshSchema, skipWithoutPostgres } from '../ops/postgresSchema.js';
import { POSTGRES_URL } from '../store/storeBackends.js';
import { workersSuite } from './workersSuite.js';

// `serve --workers N` on PostgreSQL without Redis: the workers contend for the database's engine lease as
// separate nodes do, and hear each other through their primary.

const skip = await skipWithoutPostgres();
const schema = skip === false ? await freshSchema('workers') : null;
after(() => schema?.drop());

workersSuite('serve --workers 2 on PostgreSQL', skip, {
  args: () => ['--database-url', schema?.url ?? ''],
  database: () => ({ kind: 'postgres', url: POSTGRES_URL, schema: schema?.schema ?? '' }),
});
