import { CSRF_FIELD } from '../http/csrf.js';
import { AdminShell, type Flash, FlashMessage } from './AdminShell.js';

export interface LoginPageProps {
  readonly csrfToken: string;
  /** Where to go after signing in (an /admin path, already checked). */
  readonly next: string | null;
  /** The address typed last time, so a mistyped password does not mean typing it again. */
  readonly email?: string;
  readonly flash?: Flash;
}

export function LoginPage(props: LoginPageProps) {
  return (
    <AdminShell title="Sign in">
      <header class="admin-header">
        <span class="admin-brand">Broadsheet newsroom</span>
      </header>
      <main id="main">
        <h1>Sign in</h1>
        {props.flash !== undefined ? <FlashMessage flash={props.flash} /> : null}
        <form class="stacked" method="post" action="/admin/login">
          <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
          {props.next !== null ? <input type="hidden" name="next" value={props.next} /> : null}
          <label>
            E-mail address
            <input type="email" name="email" autocomplete="username" required value={props.email ?? ''} />
          </label>
          <label>
            Password
            <input type="password" name="password" autocomplete="current-password" required />
          </label>
          <button type="submit">Sign in</button>
        </form>
      </main>
    </AdminShell>
  );
}
