import { MIN_PASSWORD_LENGTH } from '../../desk/accounts/passwordHash.js';
import type { Actor } from '../../news/roles.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from './AdminLayout.js';

/** The signed-in person's own account: who they are and a form to change their password. */
export function AccountPage(props: { readonly actor: Actor; readonly csrfToken: string; readonly flash?: Flash }) {
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
      <h2>Sign out everywhere</h2>
      <form class="inline" method="post" action="/admin/logout-everywhere">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <button type="submit">Sign out on every device, this one included</button>
      </form>
    </AdminLayout>
  );
}
