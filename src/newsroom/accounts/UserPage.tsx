import { type Actor, ROLES } from '../../news/roles.js';
import type { Account } from '../../store/accounts/accounts.js';
import type { SessionListing } from '../../store/accounts/sessions.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';
import { SessionsTable } from './SessionsTable.js';
import { When } from './When.js';

/** One account as an admin manages it: role, disable or enable, a password reset link, its sessions. */
export function UserPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly account: Account;
  readonly sessions: readonly SessionListing[];
  /** The admin's own session, when the page is their own account's. */
  readonly currentSessionId: string | null;
  readonly flash?: Flash;
}) {
  const { account, csrfToken } = props;
  const self = props.actor.kind === 'user' && props.actor.userId === account.id;
  const base = `/admin/users/${account.id}`;
  return (
    <AdminLayout
      title={account.name}
      actor={props.actor}
      csrfToken={csrfToken}
      currentPath="/admin/users"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <p>
        {account.email}, role {account.role}, account made <When at={account.createdAt} />.{' '}
        {account.disabledAt !== null ? (
          <>
            Disabled since <When at={account.disabledAt} />.
          </>
        ) : (
          'Active.'
        )}
      </p>
      <p>
        <a href="/admin/users">All users</a>
      </p>
      {self ? (
        <p>
          This is you: change your own password and sessions on <a href="/admin/account">your account</a>; another admin
          changes your role or disables you.
        </p>
      ) : (
        <>
          <h2 id="role-heading">Role</h2>
          <form class="inline" method="post" action={`${base}/role`} aria-labelledby="role-heading">
            <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
            <label>
              Role of {account.name}{' '}
              <select name="role">
                {ROLES.map((role) => (
                  <option key={role} value={role} selected={role === account.role}>
                    {role}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="submit">Change role</button>
          </form>
          <p>A new role signs {account.name} out everywhere.</p>
          <h2>Access</h2>
          {account.disabledAt !== null ? (
            <form class="inline" method="post" action={`${base}/enable`}>
              <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
              <button type="submit">Enable {account.name}</button>
            </form>
          ) : (
            <>
              <form class="inline" method="post" action={`${base}/disable`}>
                <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
                <button type="submit">Disable {account.name}</button>
              </form>{' '}
              <form class="inline" method="post" action={`${base}/reset-link`}>
                <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
                <button type="submit">Make a password reset link</button>
              </form>
            </>
          )}
        </>
      )}
      <h2 id="sessions-heading">Signed-in sessions</h2>
      <SessionsTable
        sessions={props.sessions}
        currentSessionId={props.currentSessionId}
        csrfToken={csrfToken}
        endAction={`${base}/sessions/end`}
        labelledBy="sessions-heading"
      />
      {props.sessions.length > 0 && !self ? (
        <form class="inline" method="post" action={`${base}/sessions/end-all`}>
          <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
          <button type="submit">Sign {account.name} out everywhere</button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
