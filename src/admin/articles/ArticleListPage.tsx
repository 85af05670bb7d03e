import type { Section } from '../../news/article.js';
import { formatPublished } from '../../news/time.js';
import { ARTICLE_STATUSES, type ArticleStatus, statusLabel } from '../../news/workflow.js';
import type { EditorialListItem } from '../../store/articleWorkflow.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';
import type { Actor } from '../roles.js';

export interface ArticleListFilters {
  readonly status?: ArticleStatus;
  readonly section?: string;
  readonly author?: string;
  readonly q?: string;
}

export interface ArticleListPageProps {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly items: readonly EditorialListItem[];
  readonly total: number;
  readonly filters: ArticleListFilters;
  readonly sections: readonly Section[];
  readonly authors: readonly string[];
  readonly flash?: Flash;
}

/** Every article in the newsroom, filtered by status, section, author and headline words. */
export function ArticleListPage(props: ArticleListPageProps) {
  const { filters } = props;
  return (
    <AdminLayout
      title="Articles"
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/articles"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <p>
        <a href="/admin/articles/new">Write a new article</a>
      </p>
      <form method="get" action="/admin/articles" class="filters">
        <label for="filter-status">
          Status
          <select id="filter-status" name="status">
            <option value="">Any</option>
            {ARTICLE_STATUSES.map((status) => (
              <option key={status} value={status} selected={filters.status === status}>
                {statusLabel(status)}
              </option>
            ))}
          </select>
        </label>
        <label for="filter-section">
          Section
          <select id="filter-section" name="section">
            <option value="">Any</option>
            {props.sections.map((section) => (
              <option key={section.slug} value={section.slug} selected={filters.section === section.slug}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        <label for="filter-author">
          Author
          <select id="filter-author" name="author">
            <option value="">Any</option>
            {props.authors.map((name) => (
              <option key={name} value={name} selected={filters.author === name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label for="filter-q">
          Headline contains
          <input id="filter-q" type="search" name="q" value={filters.q ?? ''} maxLength={200} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <p class="muted">
        {props.total} {props.total === 1 ? 'article' : 'articles'}
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Status</th>
              <th scope="col">Section</th>
              <th scope="col">Author</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <a href={`/admin/articles/${item.id}`}>{item.headline}</a>
                </td>
                <td>{statusLabel(item.status)}</td>
                <td>{item.sectionSlug}</td>
                <td>{item.ownerName ?? '—'}</td>
                <td>{formatPublished(item.scheduledAt ?? item.editedAt ?? item.publishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}
