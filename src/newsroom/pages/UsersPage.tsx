import { type Actor, ROLES } from '../../news/roles.js';
import type { Account } from '../../store/accounts/accounts.js';
import type { PendingInvitation } from '../../store/accounts/invitations.js';
import { When } from '../accounts/When.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from './AdminLayout.js';
import { AdminTable } from './AdminTable.js';

/** Every account, and the invitations waiting to be accepted. */
export function UsersPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly accounts: readonly Account[];
  readonly invitations: readonly PendingInvitation[];
  readonly now: Date;
  /** Whether links go by mail (a mail server is configured) rather than shown to the admin. */
  readonly mailsLinks: boolean;
  readonly flash?: Flash;
}) {
  const self = props.actor.kind === 'user' ? props.actor.userId : null;
  return (
    <AdminLayout
      title="Users"
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/users"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <AdminTable columns={['Name', 'E-mail', 'Role', 'Status']}>
        {props.accounts.map((account) => (
          <tr key={account.id}>
            <td>
              <a href={`/admin/users/${account.id}`}>{account.name}</a>
            </td>
            <td>{account.email}</td>
            <td>
              {account.id === self || account.disabledAt !== null ? (
                account.role
              ) : (
                <form class="inline" method="post" action={`/admin/users/${account.id}/role`}>
                  <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                  <label>
                    <span class="visually-hidden">Role of {account.name}</span>
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
              )}
            </td>
            <td>
              {account.id === self ? (
                'Active (you)'
              ) : account.disabledAt !== null ? (
                <form class="inline" method="post" action={`/admin/users/${account.id}/enable`}>
                  <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                  Disabled <button type="submit">Enable {account.name}</button>
                </form>
              ) : (
                <form class="inline" method="post" action={`/admin/users/${account.id}/disable`}>
                  <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                  <button type="submit">Disable {account.name}</button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>

      <h2 id="invite-heading">Invite someone</h2>
      <form class="stacked" method="post" action="/admin/users/invitations" aria-labelledby="invite-heading">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <label>
          Their e-mail address
          <input type="email" name="email" maxLength={320} required />
        </label>
        <label>
          Role
          <select name="role">
            {ROLES.map((role) => (
              <option key={role} value={role} selected={role === 'writer'}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Make an invitation link</button>
      </form>
      <p>
        {props.mailsLinks
          ? 'The link is mailed to that address (shown to you instead if the mail cannot be sent)'
          : 'The link is shown to you once, to pass on yourself'}
        ; with it they choose their name and password. Accounts can also be made with <code>broadsheet users add</code>{' '}
        or <code>broadsheet users invite</code>.
      </p>

      <h2 id="invitations-heading">Invitations waiting</h2>
      {props.invitations.length === 0 ? (
        <p>None.</p>
      ) : (
        <AdminTable columns={['E-mail', 'Role', 'Made by', 'Expires', 'Withdraw']} labelledBy="invitations-heading">
          {props.invitations.map((invitation) => (
            <tr key={invitation.id}>
              <td>{invitation.email}</td>
              <td>{invitation.role}</td>
              <td>{invitation.createdBy}</td>
              <td>
                {invitation.expiresAt.getTime() <= props.now.getTime() ? 'Expired ' : ''}
                <When at={invitation.expiresAt} />
              </td>
              <td>
                <form class="inline" method="post" action={`/admin/users/invitations/${invitation.id}/revoke`}>
                  <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                  <button type="submit">Withdraw the invitation of {invitation.email}</button>
                </form>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </AdminLayout>
  );
}
