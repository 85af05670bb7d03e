import type { Actor } from '../../news/roles.js';
import { AdminLayout } from '../pages/AdminLayout.js';
import { When } from './When.js';

/**
 * A one-time link just made and mailed to its person: the admin is told where
 * it went, not shown it, so it lives only in that person's mailbox.
 */
export function LinkSentPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly title: string;
  /** Who the link is for and what it does, one sentence. */
  readonly purpose: string;
  /** The address it was mailed to. */
  readonly to: string;
  readonly expiresAt: Date;
  readonly backPath: string;
  readonly backLabel: string;
}) {
  return (
    <AdminLayout
      title={props.title}
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/users"
      flash={{ kind: 'notice', message: `Sent to ${props.to}.` }}
    >
      <p>{props.purpose}</p>
      <p>
        The link was mailed to <strong>{props.to}</strong>. It works once, until <When at={props.expiresAt} />. The
        newsroom keeps no copy of it. If it does not arrive, make a new one: that withdraws this one.
      </p>
      <p>
        <a href={props.backPath}>{props.backLabel}</a>
      </p>
    </AdminLayout>
  );
}
