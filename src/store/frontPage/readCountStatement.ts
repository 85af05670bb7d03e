/** The SQLite statement that adds story reads, shared by the site's connection and the read-count thread. */

/**
 * Stories per statement. The counts go as one JSON parameter, so the statement's text and its parameters do not
 * grow with the batch, and each statement holds the write lock only briefly: a writer waiting for it (a comment,
 * an edit, another process's flush) waits for one statement, not for a whole flush.
 */
export const STORIES_PER_STATEMENT = 500;

/**
 * Parameters: the Karachi day, then a batch of `readsBatches`. `where true` tells SQLite's parser that ON
 * CONFLICT belongs to the INSERT, not to a join of the SELECT. Stories deleted since they were read are skipped
 * by the join.
 */
export const SQLITE_ADD_READS = `insert into article_views (article_id, day, views)
  select articles.id, ?, json_extract(j.value, '$[1]')
  from json_each(?) as j join articles on articles.id = json_extract(j.value, '$[0]')
  where true
  on conflict (article_id, day) do update set views = article_views.views + excluded.views`;

/**
 * A flush's reads as one flat list, story then reads, for stories read at least once: a list of numbers is what
 * costs least to pass to another thread.
 */
export type FlatReads = readonly number[];

export function flatReads(counts: ReadonlyMap<number, number>): number[] {
  const flat: number[] = [];
  for (const [story, views] of counts) if (views > 0) flat.push(story, views);
  return flat;
}

/** The reads as JSON lists of [story, reads] pairs, STORIES_PER_STATEMENT to a list: one statement each. */
export function readsBatches(reads: FlatReads): string[] {
  const batches: string[] = [];
  for (let start = 0; start < reads.length; start += 2 * STORIES_PER_STATEMENT) {
    const pairs: [number, number][] = [];
    const end = Math.min(reads.length, start + 2 * STORIES_PER_STATEMENT);
    for (let at = start; at + 1 < end; at += 2) pairs.push([reads[at] as number, reads[at + 1] as number]);
    batches.push(JSON.stringify(pairs));
  }
  return batches;
}

/** A flush as the read-count thread receives it (readCountThread.ts). */
export interface ReadsJob {
  readonly day: string;
  readonly reads: FlatReads;
}
