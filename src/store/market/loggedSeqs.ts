import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../database.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A read spans at most this many seqs, so it returns at most as many rows (old logs hold a row per trade). */
const SEQ_SPAN_PER_READ = 2000;

/**
 * Which of `seqs` the log holds for `feed`, exactly. A row holds one seq or
 * a run `seq`..`seq_last` (migration 0024), and no seq is in two rows (the
 * unique index and the trigger of 0024 see to it), so the rows that can hold
 * the seqs `lo`..`hi` are those starting in that span and the one row
 * starting just below `lo`: one read on the (feed, seq) index per span.
 */
export async function loggedSeqs(db: Executor, feed: string, seqs: readonly number[]): Promise<Set<number>> {
  const known = new Set<number>();
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  let i = 0;
  while (i < sorted.length) {
    const lo = sorted[i] as number;
    let j = i + 1;
    while (j < sorted.length && (sorted[j] as number) - lo < SEQ_SPAN_PER_READ) j += 1;
    const hi = sorted[j - 1] as number;
    const rows = await db
      .selectFrom('market_events')
      .select(['seq', 'seq_last'])
      .where('feed', '=', feed)
      .where('seq', '<=', hi)
      .where(
        'seq',
        '>=',
        sql<number>`coalesce((select max(seq) from market_events where feed = ${feed} and seq <= ${lo}), ${lo})`,
      )
      .orderBy('seq')
      .execute();
    // Rows in seq order against the span's sorted seqs: each seq is in the row at or below it, or in none.
    let r = 0;
    for (let k = i; k < j; k++) {
      const seq = sorted[k] as number;
      let row = rows[r];
      while (row !== undefined && lastSeqOf(row) < seq) row = rows[++r];
      if (row !== undefined && Number(row.seq) <= seq) known.add(seq);
    }
    i = j;
  }
  return known;
}

/** The highest seq the log holds for `feed` (-Infinity: none): the last of the row with the highest first seq. */
export async function highestLoggedSeq(db: Executor, feed: string): Promise<number> {
  const row = await db
    .selectFrom('market_events')
    .select(['seq', 'seq_last'])
    .where('feed', '=', feed)
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? Number.NEGATIVE_INFINITY : lastSeqOf(row);
}

function lastSeqOf(row: { readonly seq: number | string | null; readonly seq_last: number | string | null }): number {
  return Number(row.seq_last ?? row.seq);
}
