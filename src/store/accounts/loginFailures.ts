import { randomInt } from 'node:crypto';
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

/**
 * A try's hold on its keys while its password is checked: rows of the same table under `try:` keys, the
 * `failures` column holding the try's own number so that only it lets go. Without it, tries sent at once
 * all read the count before any had added its failure, and every one of them was checked.
 */
export interface LoginTryHold {
  readonly keys: readonly string[];
  readonly holder: number;
}

const TRY_PREFIX = 'try:';

/**
 * Holds every one of `keys` for one try, or none (null) when another try holds one of them. A hold older than
 * `holdMs` (its process died) is taken over. Keys are taken in one order, so two tries never wait on each other.
 */
export async function holdLoginTry(
  db: Kysely<Database>,
  input: { readonly keys: readonly string[]; readonly now: Date; readonly holdMs: number },
): Promise<LoginTryHold | null> {
  const now = input.now.getTime();
  const holder = randomInt(1, 2 ** 31 - 1);
  const held: string[] = [];
  for (const key of [...input.keys].sort()) {
    const taken = await db
      .insertInto('login_failures')
      .values({ key: `${TRY_PREFIX}${key}`, failures: holder, last_failure_at: now })
      .onConflict((conflict) =>
        conflict
          .column('key')
          .doUpdateSet({ failures: holder, last_failure_at: now })
          .where('login_failures.last_failure_at', '<=', now - input.holdMs),
      )
      .returning('key')
      .executeTakeFirst();
    if (taken === undefined) {
      await releaseLoginTry(db, { keys: held, holder });
      return null;
    }
    held.push(key);
  }
  return { keys: held, holder };
}

/** Lets go of a try's keys (those another try took over after its hold ran out stay theirs). */
export async function releaseLoginTry(db: Kysely<Database>, hold: LoginTryHold): Promise<void> {
  if (hold.keys.length === 0) return;
  await db
    .deleteFrom('login_failures')
    .where(
      'key',
      'in',
      hold.keys.map((key) => `${TRY_PREFIX}${key}`),
    )
    .where('failures', '=', hold.holder)
    .execute();
}
