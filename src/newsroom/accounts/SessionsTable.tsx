import { deviceName } from '../../news/deviceName.js';
import type { SessionListing } from '../../store/accounts/sessions.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminTable } from '../pages/AdminTable.js';
import { When } from './When.js';

/**
 * Signed-in sessions: the browser, the address it signed in from, when it
 * signed in and was last seen, and a button that ends it. The browser
 * showing the list is marked and has no button (signing out ends it).
 */
export function SessionsTable(props: {
  readonly sessions: readonly SessionListing[];
  /** The session of the browser showing the page, when the list is its own person's. */
  readonly currentSessionId: string | null;
  readonly csrfToken: string;
  /** Where the end button posts; the form sends the session's id as `session`. */
  readonly endAction: string;
  readonly labelledBy: string;
}) {
  if (props.sessions.length === 0) return <p>No signed-in sessions.</p>;
  return (
    <AdminTable columns={['Browser', 'Address', 'Signed in', 'Last seen', 'End']} labelledBy={props.labelledBy}>
      {props.sessions.map((session) => {
        const name = deviceName(session.userAgent);
        return (
          <tr key={session.sessionId}>
            <td>
              {name}
              {session.userAgent !== null ? (
                <>
                  <br />
                  <small>{session.userAgent}</small>
                </>
              ) : null}
            </td>
            <td>{session.address ?? 'unknown'}</td>
            <td>
              <When at={session.createdAt} />
            </td>
            <td>
              <When at={session.lastSeenAt} />
            </td>
            <td>
              {session.sessionId === props.currentSessionId ? (
                'This browser'
              ) : (
                <form class="inline" method="post" action={props.endAction}>
                  <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                  <input type="hidden" name="session" value={session.sessionId} />
                  <button type="submit">
                    End
                    <span class="visually-hidden">
                      {' '}
                      the session of {name} last seen {isoMinute(session.lastSeenAt)}
                    </span>
                  </button>
                </form>
              )}
            </td>
          </tr>
        );
      })}
    </AdminTable>
  );
}

function isoMinute(at: Date): string {
  return `${at.toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}
