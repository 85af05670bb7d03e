import type { Kysely } from 'kysely';
import type { FailureCount } from '../../news/loginThrottle.js';
import type { Database } from '../database.js';

/** The stored failure counts of `keys`; keys without failures are absent. */
export async function readLoginFailures(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<Map<string, FailureCount>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('login_failures')
    .select(['key', 'failures', 'last_failure_at'])
    .where('key', 'in', keys)
    .execute();
  return new Map(
    rows.map((row) => [row.key, { failures: Number(row.failures), lastFailureAt: Number(row.last_failure_at) }]),
  );
}

/**
 * Counts one more failure against each key, in one statement per key so
 * processes failing the same key at once each add theirs. A count whose last
 * failure is `forgetAfterMs` old starts again at one.
 */
export async function recordLoginFailure(
  db: Kysely<Database>,
  input: { readonly keys: readonly string[]; readonly now: Date; readonly forgetAfterMs: number },
): Promise<void> {
  const now = input.now.getTime();
  for (const key of input.keys) {
    await db
      .insertInto('login_failures')
      .values({ key, failures: 1, last_failure_at: now })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when('login_failures.last_failure_at', '<=', now - input.forgetAfterMs)
            .then(1)
            .else(eb('login_failures.failures', '+', 1))
            .end(),
          last_failure_at: now,
        })),
      )
      .execute();
  }
}

/** Forgets the failures of `keys` (an account's, after its right password). */
export async function clearLoginFailures(db: Kysely<Database>, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom('login_failures').where('key', 'in', keys).execute();
}

/** Deletes counts nobody has added to for `forgetAfterMs`: they no longer slow anyone. */
export async function pruneLoginFailures(
  db: Kysely<Database>,
  input: { readonly now: Date; readonly forgetAfterMs: number },
): Promise<number> {
  const result = await db
    .deleteFrom('login_failures')
    .where('last_failure_at', '<=', input.now.getTime() - input.forgetAfterMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
