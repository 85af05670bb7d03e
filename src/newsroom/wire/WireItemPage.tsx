import type { Section } from '../../news/article.js';
import type { Actor } from '../../news/roles.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import { ArticleBody } from '../../site/pages/ArticleBody.js';
import type { WireInboxItem } from '../../store/wire/wireInboxStore.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';
import { AdminTable } from '../pages/AdminTable.js';
import { NoSectionsNotice } from '../sections/NoSectionsNotice.js';

export interface WireItemPageProps {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly held: WireInboxItem;
  readonly sections: readonly Section[];
  /** Whether this person may make a draft of it. */
  readonly mayDraft: boolean;
  readonly flash?: Flash;
}

/** One wire item: its details, its body as the site would show it, its versions, and "Create draft". */
export function WireItemPage(props: WireItemPageProps) {
  const { held } = props;
  const { entry, item } = held;
  const stamp = (date: Date | null) =>
    date === null ? '—' : <time dateTime={date.toISOString()}>{formatPublished(date)}</time>;
  const subjects = item.subjects.map((subject) => subject.name ?? subject.code ?? '').filter((name) => name !== '');
  return (
    <AdminLayout
      title={`Wire: ${entry.headline}`}
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath={`/admin/wire/${entry.id}`}
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <p>
        <a href="/admin/wire">← Wire inbox</a>
      </p>
      {entry.killedAt !== null ? (
        <p class="flash flash-error" data-wire-killed>
          <strong>Killed:</strong> the agency {entry.status === 'canceled' ? 'cancelled' : 'withdrew'} this item (
          {formatPublished(entry.killedAt)}). Do not use it; any article made from it is flagged.
        </p>
      ) : null}
      {item.warnings.length > 0 ? (
        <div class="flash flash-notice">
          <p>Read with repairs:</p>
          <ul>
            {item.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl class="wire-facts">
        <dt>Agency</dt>
        <dd>{entry.agency}</dd>
        <dt>Agency's id</dt>
        <dd>
          <code>{entry.agencyId}</code>
        </dd>
        <dt>Version</dt>
        <dd>{entry.version}</dd>
        <dt>Slugline</dt>
        <dd>{item.slugline ?? '—'}</dd>
        <dt>Byline</dt>
        <dd>{entry.byline || '—'}</dd>
        <dt>Dateline</dt>
        <dd>{entry.dateline ?? '—'}</dd>
        <dt>First created</dt>
        <dd>{stamp(item.firstCreated)}</dd>
        <dt>This version</dt>
        <dd>{stamp(item.versionCreated)}</dd>
        <dt>Received</dt>
        <dd>{stamp(entry.receivedAt)}</dd>
        <dt>Urgency</dt>
        <dd>{entry.urgency ?? '—'}</dd>
        <dt>Language</dt>
        <dd>{entry.language ?? '—'}</dd>
        <dt>Subjects</dt>
        <dd>{subjects.length > 0 ? subjects.join(', ') : '—'}</dd>
        <dt>Keywords</dt>
        <dd>{item.keywords.length > 0 ? item.keywords.join(', ') : '—'}</dd>
      </dl>

      {props.mayDraft && entry.killedAt === null && props.sections.length === 0 ? (
        <NoSectionsNotice actor={props.actor} then="make a draft of this item" />
      ) : null}
      {props.mayDraft && entry.killedAt === null && props.sections.length > 0 ? (
        <form method="post" action={`/admin/wire/${entry.id}/draft`} class="stacked">
          <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
          <label for="draft-section">
            Section
            <select id="draft-section" name="sectionSlug">
              {props.sections.map((section) => (
                <option key={section.slug} value={section.slug}>
                  {section.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Create draft</button>
        </form>
      ) : null}
      {held.articles.length > 0 ? (
        <p>
          Made into:{' '}
          {held.articles.map((article, index) => (
            <span key={article.articleId}>
              {index > 0 ? ', ' : ''}
              <a href={`/admin/articles/${article.articleId}`}>article {article.articleId}</a> (from version{' '}
              {article.version})
            </span>
          ))}
        </p>
      ) : null}

      <h2>{item.headline}</h2>
      {item.summary !== null ? <p class="muted">{item.summary}</p> : null}
      <ArticleBody body={item.body} dateline={item.dateline?.place ?? null} related={[]} />
      {item.images.length > 0 ? (
        <>
          <h2 id="wire-pictures">Pictures</h2>
          {/* Named, never loaded: an agency's address could track the newsroom or serve anything. */}
          <p class="muted">The agency names these pictures; they are not fetched. Add one from the media library.</p>
          <ul aria-labelledby="wire-pictures">
            {item.images.map((image) => (
              <li key={`${image.href ?? ''} ${image.caption ?? ''}`}>
                {image.caption ?? '(no caption)'}
                {image.credit !== null ? ` (${image.credit})` : ''}
                {image.href !== null ? (
                  <>
                    {' '}
                    <code>{image.href}</code>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 id="wire-versions">Versions</h2>
      <AdminTable columns={['Version', 'Status', 'Received', 'Headline']} labelledBy="wire-versions">
        {held.versions.map((version) => (
          <tr key={`${version.version}-${version.status}`}>
            <td>{version.version}</td>
            <td>{version.status === 'usable' ? 'usable' : <strong>{version.status}</strong>}</td>
            <td>{stamp(version.receivedAt)}</td>
            <td>{version.headline}</td>
          </tr>
        ))}
      </AdminTable>
    </AdminLayout>
  );
}
