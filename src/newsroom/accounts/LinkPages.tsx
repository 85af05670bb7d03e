import type { ComponentChildren } from 'preact';
import { MIN_PASSWORD_LENGTH } from '../../desk/accounts/passwordHash.js';
import type { Role } from '../../news/roles.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminShell, type Flash, FlashMessage } from '../pages/AdminShell.js';

/** A page for someone not signed in: the newsroom's header and a heading, no menu. */
function OutsidePage(props: {
  readonly title: string;
  readonly flash?: Flash | undefined;
  readonly children?: ComponentChildren;
}) {
  return (
    <AdminShell title={props.title}>
      <header class="admin-header">
        <span class="admin-brand">Broadsheet newsroom</span>
      </header>
      <main id="main">
        <h1>{props.title}</h1>
        {props.flash !== undefined ? <FlashMessage flash={props.flash} /> : null}
        {props.children}
      </main>
    </AdminShell>
  );
}

function PasswordFields() {
  return (
    <>
      <label>
        New password (at least {MIN_PASSWORD_LENGTH} characters)
        <input type="password" name="password" autocomplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
      </label>
      <label>
        New password again
        <input type="password" name="confirm" autocomplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
      </label>
    </>
  );
}

/** The form behind a password reset link. */
export function ResetPasswordPage(props: {
  readonly email: string;
  readonly action: string;
  readonly csrfToken: string;
  readonly flash?: Flash;
}) {
  return (
    <OutsidePage title="Choose a new password" flash={props.flash}>
      <p>For {props.email}. This link works once; using it signs this account out everywhere.</p>
      <form class="stacked" method="post" action={props.action}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        {/* Lets password managers tie the new password to the right account. */}
        <input type="text" name="username" autocomplete="username" value={props.email} hidden readOnly />
        <PasswordFields />
        <button type="submit">Set the new password</button>
      </form>
    </OutsidePage>
  );
}

/** The form behind an invitation link. */
export function AcceptInvitationPage(props: {
  readonly email: string;
  readonly role: Role;
  readonly action: string;
  readonly csrfToken: string;
  readonly name?: string;
  readonly flash?: Flash;
}) {
  return (
    <OutsidePage title="Join the newsroom" flash={props.flash}>
      <p>
        You are invited as {props.role}, with the address {props.email}. Choose the name the newsroom shows and a
        password; this link works once.
      </p>
      <form class="stacked" method="post" action={props.action}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <input type="text" name="username" autocomplete="username" value={props.email} hidden readOnly />
        <label>
          Your name
          <input type="text" name="name" autocomplete="name" maxLength={120} required value={props.name ?? ''} />
        </label>
        <PasswordFields />
        <button type="submit">Create my account</button>
      </form>
    </OutsidePage>
  );
}

/** A link that does not work (any more), and why. */
export function LinkRefusedPage(props: { readonly title: string; readonly message: string }) {
  return (
    <OutsidePage title={props.title} flash={{ kind: 'error', message: props.message }}>
      <p>
        <a href="/admin/login">Go to the sign-in page</a>
      </p>
    </OutsidePage>
  );
}
