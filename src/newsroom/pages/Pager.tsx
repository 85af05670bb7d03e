/**
 * Links to the previous and next pages of a newsroom list, and where this
 * page sits. `hrefOf` builds a page's URL with the list's filters kept.
 */
export function Pager(props: {
  readonly label: string;
  readonly page: number;
  readonly pageCount: number;
  readonly hrefOf: (page: number) => string;
}) {
  const { page, pageCount } = props;
  if (pageCount <= 1) return null;
  return (
    <nav class="pager" aria-label={props.label}>
      {page > 1 ? (
        <>
          <a href={props.hrefOf(1)}>« First</a> <a href={props.hrefOf(page - 1)}>← Previous</a>{' '}
        </>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <>
          {' '}
          <a href={props.hrefOf(page + 1)}>Next →</a> <a href={props.hrefOf(pageCount)}>Last »</a>
        </>
      ) : null}
    </nav>
  );
}

/** How many pages `total` rows make at `pageSize` a page; always at least one. */
export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
