import { archiveDayUrl } from '../../http/siteUrls.js';
import type { NeighbouringDays } from '../../store/articles/newsStore.js';

/** Links to the nearest earlier and later days with stories, so the whole archive can be walked. */
export function ArchiveDayNav(props: { readonly days: NeighbouringDays }) {
  const { previous, next } = props.days;
  if (previous === null && next === null) return null;
  return (
    <nav class="pagination" aria-label="Other days">
      {previous !== null ? <a href={archiveDayUrl(previous)}>← Previous day ({previous})</a> : <span />}
      {next !== null ? <a href={archiveDayUrl(next)}>Next day ({next}) →</a> : null}
    </nav>
  );
}
