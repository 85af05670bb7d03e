import type pg from 'pg';

/** Statements named per connection at most; later new texts run unnamed, so a connection's memory stays bounded. */
const NAMED_PER_CONNECTION = 256;
/**
 * More parameters than this mark a statement whose text varies with its data (a bulk INSERT, a long `in` list):
 * naming each variant would fill the connection's statements with texts seldom run twice.
 */
const MAX_PARAMETERS = 32;
/** PostgreSQL's refusal to run a named statement whose result columns changed since it was prepared (DDL). */
const FEATURE_NOT_SUPPORTED = '0A000';

type Query = (text: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Makes `client` send each parameterised statement as a named (prepared) statement of its connection, by its
 * SQL text: the first run parses it, the next runs only bind, plan and execute. Kysely sends the same few texts over and over (an article page's one
 * read, the tag pools, the read counts), and parsing them again each time was a large part of PostgreSQL's
 * own CPU for a page rendered from cold. Statements without parameters (migrations, DDL, several
 * commands in one text) keep the simple protocol.
 *
 * A column added by a migration while a connection holds a statement over `*` makes PostgreSQL refuse it
 * ("cached plan must not change result type"): that connection then stops naming and runs the text unnamed.
 */
export function nameStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  // Before any other query of the connection. A generic plan, which PostgreSQL may keep after five
  // runs of a named statement, cannot see the search words: a full-text search then took seconds instead
  // of tens of milliseconds. Every run is planned for its own values; the parse is still saved.
  // The connection's first queries wait for it: a query sent while another runs on the client is queued by
  // pg today but deprecated (refused from pg 9). A URL's own `options` would override a start-up setting.
  let settingUp: Promise<void> | null = (query('set plan_cache_mode = force_custom_plan') as Promise<unknown>).then(
    () => {
      settingUp = null;
    },
    () => {
      settingUp = null;
    },
  );
  const names = new Map<string, string>();
  let naming = true;
  const named = (text: string, values: readonly unknown[]): unknown => {
    let name = names.get(text);
    if (name === undefined) {
      if (names.size >= NAMED_PER_CONNECTION) return query(text, values);
      name = `broadsheet_${names.size}`;
      names.set(text, name);
    }
    const result = query({ name, text, values }) as Promise<unknown>;
    return result.catch((error: unknown) => {
      if (!isChangedResultType(error)) throw error;
      naming = false;
      return query(text, values);
    });
  };
  const now: Query = (text, values, callback) =>
    naming &&
    typeof text === 'string' &&
    Array.isArray(values) &&
    values.length > 0 &&
    values.length <= MAX_PARAMETERS &&
    callback === undefined
      ? named(text, values)
      : query(text, values, callback);
  const wrapped: Query = (text, values, callback) => {
    if (settingUp === null || isSubmittable(text)) return now(text, values, callback);
    const later = settingUp.then(() => now(text, values, callback));
    // pg answers a call with a callback (as its pool's own query does) through the callback alone.
    return callback === undefined && typeof values !== 'function' ? later : undefined;
  };
  client.query = wrapped as typeof client.query;
}

/** A query object that runs itself (a cursor, a stream): pg hands it back at once, so it cannot wait here. */
function isSubmittable(text: unknown): boolean {
  return typeof text === 'object' && text !== null && typeof (text as { submit?: unknown }).submit === 'function';
}

function isChangedResultType(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as Error & { code?: unknown }).code === FEATURE_NOT_SUPPORTED &&
    error.message.includes('cached plan')
  );
}
