import type { Actor } from '../../news/roles.js';
import type { AuditEntry } from '../../store/audit/auditLog.js';
import { AdminLayout } from './AdminLayout.js';
import { AdminTable } from './AdminTable.js';

export function AuditPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly entries: readonly AuditEntry[];
  /** Link to the next (older) page, or null on the last page. */
  readonly olderHref: string | null;
  /** True when this is not the first page. */
  readonly paged: boolean;
}) {
  return (
    <AdminLayout title="Audit log" actor={props.actor} csrfToken={props.csrfToken} currentPath="/admin/audit">
      {props.entries.length === 0 ? (
        <p>No entries.</p>
      ) : (
        <AdminTable columns={['When (UTC)', 'Who', 'Action', 'Subject', 'Details']} caption="Newest first">
          {props.entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at.toISOString()}>{entry.at.toISOString().replace('T', ' ').slice(0, 19)}</time>
              </td>
              <td>
                {entry.actor.name} <small>({entry.actor.kind})</small>
              </td>
              <td>{entry.action}</td>
              <td>{entry.subject === null ? '' : `${entry.subject.type} ${entry.subject.id}`}</td>
              <td>
                <code>{Object.keys(entry.details).length === 0 ? '' : JSON.stringify(entry.details)}</code>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      <nav class="pager" aria-label="Audit log pages">
        {props.paged ? <a href="/admin/audit">Newest</a> : null}
        {props.olderHref !== null ? <a href={props.olderHref}>Older entries</a> : null}
      </nav>
    </AdminLayout>
  );
}
