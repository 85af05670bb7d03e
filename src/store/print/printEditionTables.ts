/** An edition's explicit layout (migration 0005); without rows, an edition follows the articles' print_page. */
export interface PrintEditionTables {
  print_pages: PrintPagesTable;
  print_placements: PrintPlacementsTable;
}

/** A page of one edition and the section label it carries ("Business & Finance"). */
export interface PrintPagesTable {
  /** YYYY-MM-DD, Asia/Karachi. */
  edition_date: string;
  page: number;
  label: string;
}

/** One story on one page of one edition; `position` is its order on the page, from 1. */
export interface PrintPlacementsTable {
  edition_date: string;
  page: number;
  position: number;
  article_id: number;
}
