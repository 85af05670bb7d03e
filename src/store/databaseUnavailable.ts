/**
 * Whether `error` means the database could not be reached or is refusing
 * work for now (the server down or restarting, the connection cut, the pool
 * unable to connect in time, a statement over its timeout, SQLite's file
 * locked by another writer), rather than a fault in the request or in our
 * code. Such a request is answered 503 with Retry-After: sending it again
 * later may succeed, and nothing of it was taken.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable)) return true;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && isUnavailableCode(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Socket errors on the way to the server (Node), and PostgreSQL's SQLSTATEs for "not now". */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const POSTGRES_CODES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53300', // too_many_connections
  '57014', // query_canceled: the statement timeout
]);

function isUnavailableCode(code: string): boolean {
  // Class 08: connection exception.
  return NETWORK_CODES.has(code) || POSTGRES_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || code === 'SQLITE_BUSY';
}

// node-postgres reports a dropped connection or a pool that could not connect in time by message only.
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Connection ended unexpectedly/,
];
