import type { Correction } from '../../news/article.js';
import type { ArticleCorrectionsTable } from './articleWorkflowTables.js';

/** The columns a correction is read from, for every query that shows one. */
export const CORRECTION_COLUMNS = [
  'id',
  'kind',
  'text',
  'at',
  'amended_at',
  'withdrawn_at',
  'withdrawal_note',
] as const;

type CorrectionRow = Pick<ArticleCorrectionsTable, Exclude<(typeof CORRECTION_COLUMNS)[number], 'id'>> & {
  readonly id: number;
};

/** A stored correction; amendment and withdrawal appear only when they happened. */
export function correctionOf(row: CorrectionRow): Correction {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    at: new Date(Number(row.at)),
    ...(row.amended_at !== null ? { amendedAt: new Date(Number(row.amended_at)) } : {}),
    ...(row.withdrawn_at !== null
      ? { withdrawn: { at: new Date(Number(row.withdrawn_at)), note: row.withdrawal_note ?? '' } }
      : {}),
  };
}
