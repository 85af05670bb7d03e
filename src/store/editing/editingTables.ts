/** The story editor's working tables (migration 0016). Instants are epoch milliseconds, UTC. */
export interface EditingTables {
  article_autosaves: ArticleAutosavesTable;
  article_presence: ArticlePresenceTable;
}

export interface ArticleAutosavesTable {
  article_id: number;
  user_id: number;
  base_revision: number;
  /** JSON text of an `EditorCopy`. */
  copy_json: string;
  saved_at: number;
}

export interface ArticlePresenceTable {
  article_id: number;
  user_id: number;
  user_name: string;
  seen_at: number;
}
