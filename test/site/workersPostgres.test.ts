import { after } from 'node:test';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import { openMarketDb } from '../market/marketBackends.js';
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
  token: async (role) => {
    const side = await openMarketDb({ kind: 'postgres', url: POSTGRES_URL, schema: schema?.schema ?? '' });
    try {
      return (await createApiToken(side.db, { name: `workers ${role}`, role, now: new Date() })).token;
    } finally {
      await side.close();
    }
  },
});
