import { type Actor, ROLES } from '../../news/roles.js';
import type { Account } from '../../store/accounts/accounts.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from './AdminLayout.js';
import { AdminTable } from './AdminTable.js';

export function UsersPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly accounts: readonly Account[];
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
      <p>
        New accounts are made with <code>broadsheet users add</code>.
      </p>
      <AdminTable columns={['Name', 'E-mail', 'Role', 'Status']}>
        {props.accounts.map((account) => (
          <tr key={account.id}>
            <td>{account.name}</td>
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
              {account.disabledAt !== null ? (
                'Disabled'
              ) : account.id === self ? (
                'Active (you)'
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
    </AdminLayout>
  );
}
