import { sectionUrl } from '../../http/siteUrls.js';
import type { Actor } from '../../news/roles.js';
import { SECTION_NAME_MAX_LENGTH, type SectionWithCount } from '../../store/sections/sectionAdmin.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';
import { AdminTable } from '../pages/AdminTable.js';

export interface SectionsPageProps {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly sections: readonly SectionWithCount[];
  readonly flash?: Flash;
}

/** The sections of the navigation, in order, with their story counts: create, rename, reorder, delete an empty one. */
export function SectionsPage(props: SectionsPageProps) {
  const token = <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />;
  const last = props.sections.length;
  return (
    <AdminLayout
      title="Sections"
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath="/admin/sections"
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      {last === 0 ? <p>There are no sections yet: stories cannot be saved until there is one.</p> : null}
      <h2>New section</h2>
      <form method="post" action="/admin/sections">
        {token}
        <label for="new-name">Name</label>{' '}
        <input id="new-name" name="name" required maxLength={SECTION_NAME_MAX_LENGTH} />{' '}
        <label for="new-slug">Slug (optional, made from the name)</label>{' '}
        <input id="new-slug" name="slug" maxLength={100} />{' '}
        <label for="new-position">Position (optional, last when empty)</label>{' '}
        <input id="new-position" name="position" inputMode="numeric" pattern="[0-9]{1,4}" maxLength={4} size={4} />{' '}
        <button type="submit">Create section</button>
      </form>
      <h2>Sections in navigation order</h2>
      <AdminTable columns={['Position', 'Section', 'Stories', 'Rename', 'Move', 'Delete']}>
        {props.sections.map((section, index) => (
          <tr key={section.slug}>
            <td>{index + 1}</td>
            <td>
              <a href={sectionUrl(section.slug)}>{section.name}</a>
              <br />
              <span class="muted">{section.slug}</span>
            </td>
            <td>{section.articleCount}</td>
            <td>
              <form class="inline" method="post" action={`/admin/sections/${encodeURIComponent(section.slug)}/rename`}>
                {token}
                <label for={`name-${section.slug}`}>Name</label>{' '}
                <input
                  id={`name-${section.slug}`}
                  name="name"
                  value={section.name}
                  required
                  maxLength={SECTION_NAME_MAX_LENGTH}
                />{' '}
                <label for={`slug-${section.slug}`}>Slug</label>{' '}
                <input id={`slug-${section.slug}`} name="slug" value={section.slug} maxLength={100} />{' '}
                <button type="submit">
                  Rename<span class="visually-hidden"> {section.name}</span>
                </button>
              </form>
            </td>
            <td>
              {index > 0 ? (
                <form class="inline" method="post" action={`/admin/sections/${encodeURIComponent(section.slug)}/move`}>
                  {token}
                  <input type="hidden" name="position" value={String(index)} />
                  <button type="submit">
                    Up<span class="visually-hidden"> {section.name}</span>
                  </button>
                </form>
              ) : null}{' '}
              {index < last - 1 ? (
                <form class="inline" method="post" action={`/admin/sections/${encodeURIComponent(section.slug)}/move`}>
                  {token}
                  <input type="hidden" name="position" value={String(index + 2)} />
                  <button type="submit">
                    Down<span class="visually-hidden"> {section.name}</span>
                  </button>
                </form>
              ) : null}
            </td>
            <td>
              {section.articleCount === 0 ? (
                <form
                  class="inline"
                  method="post"
                  action={`/admin/sections/${encodeURIComponent(section.slug)}/delete`}
                >
                  {token}
                  <button type="submit">
                    Delete<span class="visually-hidden"> {section.name}</span>
                  </button>
                </form>
              ) : (
                <span class="muted">Has stories</span>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
    </AdminLayout>
  );
}
