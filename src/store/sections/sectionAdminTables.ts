/** Where old section addresses lead after a slug change (migration 0023). */
export interface SectionAdminTables {
  section_redirects: SectionRedirectsTable;
}

/** `/{from_slug}` answers 301 to the section now at `to_slug`. */
export interface SectionRedirectsTable {
  from_slug: string;
  to_slug: string;
}
