/** Previous/next links for a paginated list; the same links go into <head> as rel=prev/next. */
export function Pagination(props: { readonly prevPath?: string; readonly nextPath?: string; readonly label: string }) {
  if (props.prevPath === undefined && props.nextPath === undefined) return null;
  return (
    <nav class="pagination" aria-label={props.label}>
      {props.prevPath !== undefined ? (
        <a rel="prev" href={props.prevPath}>
          ← Newer stories
        </a>
      ) : (
        <span />
      )}
      {props.nextPath !== undefined ? (
        <a rel="next" href={props.nextPath}>
          Older stories →
        </a>
      ) : null}
    </nav>
  );
}
