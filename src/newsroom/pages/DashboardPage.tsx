import type { DashboardCounts } from '../../desk/dashboardCounts.js';
import { type Actor, can, type Permission } from '../../news/roles.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout } from './AdminLayout.js';

interface CountTile {
  readonly key: keyof DashboardCounts;
  readonly label: string;
  readonly href: string;
  /** Shown only to those who can act on it. */
  readonly permission: Permission;
}

const TILES: readonly CountTile[] = [
  { key: 'drafts', label: 'Drafts', href: '/admin/articles?status=draft', permission: 'article.write' },
  { key: 'inReview', label: 'In review', href: '/admin/articles?status=in_review', permission: 'article.write' },
  { key: 'scheduled', label: 'Scheduled', href: '/admin/articles?status=scheduled', permission: 'article.write' },
  {
    key: 'pendingComments',
    label: 'Comments awaiting moderation',
    href: '/admin/comments',
    permission: 'comment.moderate',
  },
];

export function DashboardPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly counts: DashboardCounts;
}) {
  const tiles = TILES.filter((tile) => can(props.actor.role, tile.permission));
  return (
    <AdminLayout title="Dashboard" actor={props.actor} csrfToken={props.csrfToken} currentPath="/admin">
      {tiles.length === 0 ? <p>Nothing waits for you here; use the menu above.</p> : null}
      <ul class="counts" hidden={tiles.length === 0}>
        {tiles.map(({ key, label, href }) => {
          return (
            <li key={key}>
              <strong>{props.counts[key].toLocaleString('en-GB')}</strong>
              <a href={href}>{label}</a>
            </li>
          );
        })}
      </ul>
      {props.actor.kind === 'user' ? (
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Your sessions</h2>
          <p>Signed in on a shared or lost device? End every session of your account, this one included.</p>
          <form method="post" action="/admin/logout-everywhere">
            <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
            <button type="submit">Sign out everywhere</button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}
