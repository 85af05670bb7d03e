import type { Actor } from '../../news/roles.js';
import { AdminLayout } from '../pages/AdminLayout.js';
import type { Flash } from '../pages/AdminShell.js';
import { When } from './When.js';

/**
 * A one-time link just made, shown once to the admin who made it: there is no
 * mail server, or the mail failed (the flash says why), so they pass it on
 * themselves. Only its hash is kept.
 */
export function LinkMadePage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly title: string;
  /** Who the link is for and what it does, one sentence. */
  readonly purpose: string;
  readonly address: string;
  readonly expiresAt: Date;
  readonly backPath: string;
  readonly backLabel: string;
  readonly flash?: Flash;
}) {
  return (
    <AdminLayout
      title={props.title}
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/users"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <p>{props.purpose}</p>
      <p>
        <label>
          The link
          <input class="link-copy" type="text" value={props.address} readOnly size={80} />
        </label>
      </p>
      <p>
        It works once, until <When at={props.expiresAt} />. It is shown only now: the newsroom keeps no copy of it. Send
        it to that person privately; anyone holding it can use it. Making a new one withdraws this one.
      </p>
      <p>
        <a href={props.backPath}>{props.backLabel}</a>
      </p>
    </AdminLayout>
  );
}
