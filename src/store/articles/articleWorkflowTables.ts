import type { Generated } from 'kysely';

/**
 * The news tables plus the workflow's own (migration 0004), as Kysely sees
 * them. Instants are epoch milliseconds, UTC.
 */
export interface WorkflowTables {
  article_revisions: ArticleRevisionsTable;
  article_corrections: ArticleCorrectionsTable;
}

export interface ArticleRevisionsTable {
  article_id: number;
  number: number;
  author_kind: 'user' | 'token' | 'system';
  author_id: number | null;
  author_name: string;
  at: number;
  note: string;
  /** JSON text of the revision's `ArticleFields`. */
  fields_json: string;
}

export interface ArticleCorrectionsTable {
  id: Generated<number>;
  article_id: number;
  kind: 'correction' | 'update';
  text: string;
  at: number;
  author_name: string;
  /** When the text was last replaced (migration 0019); null if never. */
  amended_at: number | null;
  /** When the note was withdrawn; it stays, shown as withdrawn with `withdrawal_note`. */
  withdrawn_at: number | null;
  withdrawal_note: string | null;
}
