import { tagUrl } from '../../http/siteUrls.js';
import type { Actor } from '../../news/roles.js';
import type { TagWithCount } from '../../store/tags/tagAdmin.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';
import { AdminTable } from '../pages/AdminTable.js';

export interface TagsPageProps {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly search: string;
  readonly tags: readonly TagWithCount[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  readonly flash?: Flash;
}

/** Tags with their story counts; rename one, or merge it into another. */
export function TagsPage(props: TagsPageProps) {
  const query = (page: number) =>
    `/admin/tags?${new URLSearchParams({ ...(props.search !== '' ? { q: props.search } : {}), page: String(page) })}`;
  return (
    <AdminLayout
      title="Tags"
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/tags"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <form method="get" action="/admin/tags">
        <label for="tag-search">Find tags (case and spacing do not matter)</label>{' '}
        <input id="tag-search" name="q" value={props.search} maxLength={100} /> <button type="submit">Search</button>
      </form>
      <p>
        {props.total} {props.total === 1 ? 'tag' : 'tags'}
      </p>
      <AdminTable columns={['Tag', 'Stories', 'Rename', 'Merge into another tag']}>
        {props.tags.map((tag) => (
          <tr key={tag.slug}>
            <td>
              <a href={tagUrl(tag.slug)}>{tag.name}</a>
              <br />
              <span class="muted">{tag.slug}</span>
            </td>
            <td>{tag.articleCount}</td>
            <td>
              <form class="inline" method="post" action={`/admin/tags/${encodeURIComponent(tag.slug)}/rename`}>
                <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                <label for={`name-${tag.slug}`}>Name</label>{' '}
                <input id={`name-${tag.slug}`} name="name" value={tag.name} required maxLength={100} />{' '}
                <label for={`slug-${tag.slug}`}>Slug</label>{' '}
                <input id={`slug-${tag.slug}`} name="slug" value={tag.slug} maxLength={100} />{' '}
                <button type="submit">
                  Rename<span class="visually-hidden"> {tag.name}</span>
                </button>
              </form>
            </td>
            <td>
              <form class="inline" method="post" action={`/admin/tags/${encodeURIComponent(tag.slug)}/merge`}>
                <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                <label for={`into-${tag.slug}`}>Into</label>{' '}
                <input id={`into-${tag.slug}`} name="into" required maxLength={100} />{' '}
                <button type="submit">
                  Merge<span class="visually-hidden"> {tag.name}</span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </AdminTable>
      {props.pageCount > 1 ? (
        <nav class="pager" aria-label="Pages of tags">
          {props.page > 1 ? <a href={query(props.page - 1)}>← Previous</a> : null}{' '}
          <span>
            Page {props.page} of {props.pageCount}
          </span>{' '}
          {props.page < props.pageCount ? <a href={query(props.page + 1)}>Next →</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}
