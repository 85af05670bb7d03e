/** What the site's thread sends the market log's writer thread (logWriterThread.ts). */

/** The log's columns an event row fills, in the order a batch's values list them. */
export const EVENT_COLUMNS = ['kind', 'feed', 'seq', 'seq_last', 'body_json', 'event_time', 'recorded_at'] as const;

// Rows per INSERT: well inside SQLite's and PostgreSQL's limits on bound parameters.
export const LOG_ROWS_PER_INSERT = 500;

/**
 * One batch of event rows, written in one transaction: the rows' values one
 * after the other, EVENT_COLUMNS.length per row (one flat list of strings and
 * numbers costs far less to pass between threads than an object per row).
 */
export type LogJob = readonly (string | number | null)[];
