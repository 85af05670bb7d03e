import type { Actor } from '../../news/roles.js';
import { AdminLayout } from './AdminLayout.js';
import { AdminShell } from './AdminShell.js';

/**
 * A refusal or error: inside the newsroom shell when someone is signed in (so
 * they can go elsewhere), a bare page otherwise.
 */
export function AdminMessagePage(props: {
  readonly title: string;
  readonly message: string;
  readonly actor: Actor | null;
  readonly csrfToken: string;
}) {
  if (props.actor === null) {
    return (
      <AdminShell title={props.title}>
        <main id="main">
          <h1>{props.title}</h1>
          <p>{props.message}</p>
          <p>
            <a href="/admin/login">Sign in</a>
          </p>
        </main>
      </AdminShell>
    );
  }
  return (
    <AdminLayout title={props.title} actor={props.actor} csrfToken={props.csrfToken}>
      <p>{props.message}</p>
      <p>
        <a href="/admin">Back to the dashboard</a>
      </p>
    </AdminLayout>
  );
}
