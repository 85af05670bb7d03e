import type { Section } from '../../news/article.js';
import type { Actor } from '../../news/roles.js';
import { ARTICLE_STATUSES, type ArticleStatus, isEmbargoed, statusLabel } from '../../news/workflow.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import type { EditorialListItem } from '../../store/articles/articleWorkflow.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';
import { AdminTable } from '../pages/AdminTable.js';
import { Pager } from '../pages/Pager.js';
import { editingSentence } from './presence.js';

export interface ArticleListFilters {
  readonly status?: ArticleStatus;
  readonly section?: string;
  readonly author?: string;
  readonly q?: string;
  /** Karachi dates, `YYYY-MM-DD`: last worked on from `from` to `to`, both days included. */
  readonly from?: string;
  readonly to?: string;
}

/** The list's URL with these filters and page; page 1 and empty filters are left out. */
export function articleListHref(filters: ArticleListFilters, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(name, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query === '' ? '/admin/articles' : `/admin/articles?${query}`;
}

export interface ArticleListPageProps {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly items: readonly EditorialListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly pageCount: number;
  readonly now: Date;
  readonly filters: ArticleListFilters;
  readonly sections: readonly Section[];
  readonly authors: readonly string[];
  readonly flash?: Flash;
  /** Who else has each article open now, by article id. */
  readonly editing?: ReadonlyMap<number, readonly string[]>;
}

/** Every article in the newsroom, a page at a time, filtered by status, section, author, date and text. */
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
        <FilterSelect
          name="status"
          label="Status"
          options={ARTICLE_STATUSES.map((status) => ({ value: status, text: statusLabel(status) }))}
          selected={filters.status}
        />
        <FilterSelect
          name="section"
          label="Section"
          options={props.sections.map((section) => ({ value: section.slug, text: section.name }))}
          selected={filters.section}
        />
        <FilterSelect
          name="author"
          label="Author"
          options={props.authors.map((name) => ({ value: name, text: name }))}
          selected={filters.author}
        />
        <label for="filter-q">
          Text contains
          <input id="filter-q" type="search" name="q" value={filters.q ?? ''} maxLength={200} />
        </label>
        <label for="filter-from">
          Worked on from
          <input id="filter-from" type="date" name="from" value={filters.from ?? ''} />
        </label>
        <label for="filter-to">
          to
          <input id="filter-to" type="date" name="to" value={filters.to ?? ''} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <p class="muted">
        {props.total} {props.total === 1 ? 'article' : 'articles'}
        {props.total > 0 ? `, ${rangeText(props.page, props.pageSize, props.items.length)}` : ''}
      </p>
      <AdminTable columns={['Headline', 'Status', 'Section', 'Author', 'Time']}>
        {props.items.map((item) => (
          <tr key={item.id}>
            <td>
              <a href={`/admin/articles/${item.id}`}>{item.headline}</a>
              <EditingNote names={props.editing?.get(item.id)} />
            </td>
            <td>
              {statusLabel(item.status)}
              {isEmbargoed(item.embargoUntil, props.now) && item.embargoUntil !== null ? (
                <>
                  <br />
                  <strong class="embargo">Embargoed</strong> until {formatPublished(item.embargoUntil)}
                </>
              ) : null}
            </td>
            <td>{item.sectionSlug}</td>
            <td>{item.ownerName ?? '—'}</td>
            <td>{formatPublished(item.scheduledAt ?? item.editedAt ?? item.publishedAt)}</td>
          </tr>
        ))}
      </AdminTable>
      <Pager
        label="Pages of articles"
        page={props.page}
        pageCount={props.pageCount}
        hrefOf={(page) => articleListHref(filters, page)}
      />
    </AdminLayout>
  );
}

/** One filter as a drop-down, `Any` first for no filter. */
function FilterSelect(props: {
  readonly name: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly text: string }[];
  readonly selected: string | undefined;
}) {
  const id = `filter-${props.name}`;
  return (
    <label for={id}>
      {props.label}
      <select id={id} name={props.name}>
        <option value="">Any</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={props.selected === option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "rows 51–100" */
function rangeText(page: number, pageSize: number, shown: number): string {
  const first = (page - 1) * pageSize + 1;
  return shown === 0 ? 'none on this page' : `showing ${first}–${first + shown - 1}`;
}

function EditingNote(props: { readonly names: readonly string[] | undefined }) {
  if (props.names === undefined || props.names.length === 0) return null;
  return <span class="presence-note">{editingSentence(props.names, 'now')}</span>;
}
