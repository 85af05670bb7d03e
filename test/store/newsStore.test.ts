import { newsStoreSuite } from './newsStoreSuite.js';
import { POSTGRES_URL, postgresBackend, postgresReachable, sqliteBackend } from './storeBackends.js';

newsStoreSuite(sqliteBackend, 'SQLite');

if (await postgresReachable('NewsStore on PostgreSQL')) {
  newsStoreSuite(() => postgresBackend(POSTGRES_URL), 'PostgreSQL');
}
