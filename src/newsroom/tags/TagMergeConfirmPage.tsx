import type { Tag } from '../../news/article.js';
import type { Actor } from '../../news/roles.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout } from '../pages/AdminLayout.js';

/** A merge cannot be undone (the old tag is deleted), so the desk says what will happen and asks first. */
export function TagMergeConfirmPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly from: Tag;
  readonly into: Tag;
}) {
  const { from, into } = props;
  return (
    <AdminLayout title="Merge tags?" actor={props.actor} csrfToken={props.csrfToken} currentPath="/admin/tags">
      <p>
        Merge “{from.name}” ({from.slug}) into “{into.name}” ({into.slug})? Every story tagged “{from.name}” will carry
        “{into.name}” instead, “{from.name}” will be deleted, and its address will redirect to “{into.name}”. This
        cannot be undone.
      </p>
      <form method="post" action={`/admin/tags/${encodeURIComponent(from.slug)}/merge`} class="inline">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <input type="hidden" name="into" value={into.slug} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit">
          Merge “{from.name}” into “{into.name}”
        </button>
      </form>{' '}
      <a href="/admin/tags">Cancel</a>
    </AdminLayout>
  );
}
