/** Where old tag addresses lead after a rename or a merge (migration 0005). */
export interface TagAdminTables {
  tag_redirects: TagRedirectsTable;
}

/** `/tags/{from_slug}` answers 301 to the current slug of `tag_id`. */
export interface TagRedirectsTable {
  from_slug: string;
  tag_id: number;
}
