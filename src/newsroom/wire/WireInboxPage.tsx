import type { Actor } from '../../news/roles.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import type { WireInboxEntry } from '../../store/wire/wireInboxStore.js';
import { AdminLayout } from '../pages/AdminLayout.js';
import { AdminTable } from '../pages/AdminTable.js';

/** The inbox's filters as typed, echoed back into the form and the pager's links. */
export interface WireFilters {
  readonly q: string;
  readonly agency: string;
  readonly subject: string;
  /** Karachi dates, `YYYY-MM-DD`, both ends included. */
  readonly from: string;
  readonly to: string;
  /** '' or 1–9: items at least this urgent. */
  readonly urgency: string;
}

export interface WireInboxPageProps {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly filters: WireFilters;
  readonly agencies: readonly string[];
  readonly entries: readonly WireInboxEntry[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  /** A filter that could not be read, said in words; the list is then unfiltered by it. */
  readonly problem?: string;
}

/** `/admin/wire`: agency copy, newest first, with filters and full-text search. */
export function WireInboxPage(props: WireInboxPageProps) {
  const { filters } = props;
  const query = (page: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value !== '') params.set(name, value);
    params.set('page', String(page));
    return `/admin/wire?${params}`;
  };
  return (
    <AdminLayout title="Wire inbox" actor={props.actor} csrfToken={props.csrfToken} currentPath="/admin/wire">
      {props.problem !== undefined ? (
        <p class="flash flash-error" role="alert">
          {props.problem}
        </p>
      ) : null}
      <form method="get" action="/admin/wire" class="wire-filters" aria-label="Filter the wire inbox">
        <label for="wire-q">
          Search
          <input id="wire-q" name="q" type="search" value={filters.q} maxLength={200} />
        </label>
        <label for="wire-agency">
          Agency
          <select id="wire-agency" name="agency">
            <option value="">All agencies</option>
            {props.agencies.map((agency) => (
              <option key={agency} value={agency} selected={agency === filters.agency}>
                {agency}
              </option>
            ))}
          </select>
        </label>
        <label for="wire-subject">
          Subject or section
          <input id="wire-subject" name="subject" value={filters.subject} maxLength={200} />
        </label>
        <label for="wire-from">
          From (Karachi date)
          <input id="wire-from" name="from" type="date" value={filters.from} />
        </label>
        <label for="wire-to">
          To (Karachi date)
          <input id="wire-to" name="to" type="date" value={filters.to} />
        </label>
        <label for="wire-urgency">
          Urgency
          <select id="wire-urgency" name="urgency">
            <option value="">Any</option>
            {[1, 2, 3, 4, 5, 6, 7, 8].map((level) => (
              <option key={level} value={String(level)} selected={String(level) === filters.urgency}>
                {level === 1 ? '1 (flash) only' : `${level} or more urgent`}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      <p>
        {props.total} {props.total === 1 ? 'item' : 'items'}
      </p>
      <AdminTable columns={['Time', 'Agency', 'Headline', 'Urgency', 'Version']} caption="Newest first">
        {props.entries.map((entry) => (
          <tr key={entry.id} data-wire-item={String(entry.id)}>
            <td>
              <time dateTime={entry.sortAt.toISOString()}>{formatPublished(entry.sortAt)}</time>
            </td>
            <td>{entry.agency}</td>
            <td>
              <a href={`/admin/wire/${entry.id}`}>{entry.headline}</a>
              {entry.killedAt !== null ? <strong class="wire-killed"> Killed</strong> : null}
              {entry.byline !== '' ? (
                <>
                  <br />
                  <span class="muted">{entry.byline}</span>
                </>
              ) : null}
            </td>
            <td>{entry.urgency ?? '—'}</td>
            <td>{entry.version}</td>
          </tr>
        ))}
      </AdminTable>
      {props.pageCount > 1 ? (
        <nav class="pager" aria-label="Pages of the wire inbox">
          {props.page > 1 ? <a href={query(props.page - 1)}>← Newer</a> : null}{' '}
          <span>
            Page {props.page} of {props.pageCount}
          </span>{' '}
          {props.page < props.pageCount ? <a href={query(props.page + 1)}>Older →</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}
