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
 * The full-text match operator: a search's plan depends on its words (a common word walks the newest stories and
 * stops at the cap, a rare one reads the GIN index), which a generic plan cannot see.
 */
const FULL_TEXT_MATCH = '@@';

/**
 * Makes `client` send each parameterised statement as a named (prepared) statement of its connection, by its
 * SQL text: the first run parses it, the next runs only bind, plan and execute. Kysely sends the same few texts
 * over and over (an article page's one read, the tag pools, the read counts), and parsing them again each time was
 * a large part of PostgreSQL's own CPU for a page rendered from cold.
 *
 * Plans are left to PostgreSQL's default: after five runs it keeps a generic plan when that costs no more than
 * those planned for their values, so the article read is planned once per connection and list length, not per
 * page (planning it took two thirds of PostgreSQL's CPU a page under `plan_cache_mode = force_custom_plan`). That
 * holds only for a statement whose generic plan PostgreSQL prices right: one array parameter of ids was priced for
 * an array of unknown length, above every plan for a real list, and was planned at every run, which is why the
 * article read takes its ids one parameter each (articleWithChildren.ts). A full-text search is
 * sent unnamed instead, and an unnamed statement is always planned for its own values: kept generic, a rare word
 * took seconds instead of tens of milliseconds. Statements without parameters (migrations, DDL, several
 * commands in one text) keep the simple protocol.
 *
 * A column added by a migration while a connection holds a statement over `*` makes PostgreSQL refuse it
 * ("cached plan must not change result type"): that connection then stops naming and runs the text unnamed.
 */
export function nameStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  const names = new Map<string, string>();
  let naming = true;
  const named = (text: string, values: readonly unknown[]): unknown => {
    let name = names.get(text);
    if (name === undefined) {
      // Looked for in a text not named yet only: a named one holds no full-text match.
      if (names.size >= NAMED_PER_CONNECTION || text.includes(FULL_TEXT_MATCH)) return query(text, values);
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
  const wrapped: Query = (text, values, callback) =>
    naming &&
    typeof text === 'string' &&
    Array.isArray(values) &&
    values.length > 0 &&
    values.length <= MAX_PARAMETERS &&
    callback === undefined
      ? named(text, values)
      : query(text, values, callback);
  client.query = wrapped as typeof client.query;
}

function isChangedResultType(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as Error & { code?: unknown }).code === FEATURE_NOT_SUPPORTED &&
    error.message.includes('cached plan')
  );
}
