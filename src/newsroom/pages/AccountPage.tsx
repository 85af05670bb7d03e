import { MIN_PASSWORD_LENGTH } from '../../desk/accounts/passwordHash.js';
import type { Actor } from '../../news/roles.js';
import type { SessionListing } from '../../store/accounts/sessions.js';
import { SessionsTable } from '../accounts/SessionsTable.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from './AdminLayout.js';

/** The signed-in person's own account: who they are, a form to change their password, and their sessions. */
export function AccountPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly flash?: Flash;
  /** Their signed-in sessions, newest seen first. */
  readonly sessions: readonly SessionListing[];
  /** The session of this browser, or null when the page is not shown through a session. */
  readonly currentSessionId: string | null;
}) {
  const { actor } = props;
  return (
    <AdminLayout
      title="Your account"
      actor={actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/account"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <p>
        {actor.name}
        {actor.kind === 'user' ? ` <${actor.email}>` : ''}, role {actor.role}.
      </p>
      <h2 id="password-heading">Change your password</h2>
      <form class="stacked" method="post" action="/admin/account/password" aria-labelledby="password-heading">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        {/* Lets password managers tie the new password to the right account. */}
        <input
          type="text"
          name="username"
          autocomplete="username"
          value={actor.kind === 'user' ? actor.email : ''}
          hidden
          readOnly
        />
        <label>
          Current password
          <input type="password" name="current" autocomplete="current-password" required />
        </label>
        <label>
          New password (at least {MIN_PASSWORD_LENGTH} characters)
          <input type="password" name="password" autocomplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
        </label>
        <label>
          New password again
          <input type="password" name="confirm" autocomplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
        </label>
        <button type="submit">Change password</button>
      </form>
      <p>Changing your password signs you out of every other browser and device.</p>
      <h2 id="sessions-heading">Where you are signed in</h2>
      <SessionsTable
        sessions={props.sessions}
        currentSessionId={props.currentSessionId}
        csrfToken={props.csrfToken}
        endAction="/admin/account/sessions/end"
        labelledBy="sessions-heading"
      />
      {props.sessions.some((session) => session.sessionId !== props.currentSessionId) ? (
        <form class="inline" method="post" action="/admin/account/sessions/end-others">
          <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
          <button type="submit">Sign out every other session</button>
        </form>
      ) : null}
      <h2>Sign out everywhere</h2>
      <form class="inline" method="post" action="/admin/logout-everywhere">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <button type="submit">Sign out on every device, this one included</button>
      </form>
    </AdminLayout>
  );
}
