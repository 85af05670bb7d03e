import type { RevisionEntry } from '../../news/revision.js';
import type { FieldDiff } from '../../news/revisionDiff.js';
import type { Actor } from '../../news/roles.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import type { EditorialArticle } from '../../store/articles/articleWorkflow.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';
import { AdminTable } from '../pages/AdminTable.js';
import { DiffText, type DiffView, InlineBodyDiff, SideBySideBodyDiff } from './RevisionBodyDiff.js';

/** An article's history: who saved what and when, a comparison of any two, and restore. */
export function RevisionsPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly article: EditorialArticle;
  readonly revisions: readonly RevisionEntry[];
  readonly canRestore: boolean;
  readonly flash?: Flash;
}) {
  const { article, revisions } = props;
  const latest = revisions[0]?.number ?? 0;
  return (
    <AdminLayout
      title={`Revisions: ${article.fields.headline}`}
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath={`/admin/articles/${article.id}/revisions`}
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      <p>
        <a href={`/admin/articles/${article.id}`}>Back to the article</a>
      </p>
      {revisions.length >= 2 ? (
        <form method="get" action={`/admin/articles/${article.id}/diff`} class="filters">
          <label for="diff-from">
            Compare revision
            <select id="diff-from" name="from">
              {revisions.map((r) => (
                <option key={r.number} value={String(r.number)} selected={r.number === (revisions[1]?.number ?? 1)}>
                  {r.number}
                </option>
              ))}
            </select>
          </label>
          <label for="diff-to">
            with revision
            <select id="diff-to" name="to">
              {revisions.map((r) => (
                <option key={r.number} value={String(r.number)} selected={r.number === latest}>
                  {r.number}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Compare</button>
        </form>
      ) : null}
      <AdminTable columns={['Revision', 'By', 'When', 'Note', 'Actions']}>
        {revisions.map((r) => (
          <tr key={r.number}>
            <td>{r.number}</td>
            <td>{r.author.name}</td>
            <td>{formatPublished(r.at)}</td>
            <td>{r.note}</td>
            <td>
              {r.number > 1 ? (
                <a href={`/admin/articles/${article.id}/diff?from=${r.number - 1}&to=${r.number}`}>
                  Changes in {r.number}
                </a>
              ) : null}
              {props.canRestore && r.number !== latest ? (
                <form
                  method="post"
                  action={`/admin/articles/${article.id}/revisions/${r.number}/restore`}
                  class="inline"
                >
                  <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                  <input type="hidden" name="baseRevision" value={String(article.revision)} />{' '}
                  <button type="submit">Restore revision {r.number}</button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      </AdminTable>
    </AdminLayout>
  );
}

/** What changed between two revisions, field by field; words added are marked <ins>, removed <del>. */
export function RevisionDiffPage(props: {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly article: EditorialArticle;
  readonly from: RevisionEntry;
  readonly to: RevisionEntry;
  readonly fields: readonly FieldDiff[];
  readonly view: DiffView;
}) {
  const { article, from, to } = props;
  const viewHref = (view: DiffView) =>
    `/admin/articles/${article.id}/diff?from=${from.number}&to=${to.number}${view === 'side' ? '&view=side' : ''}`;
  const changed = props.fields.filter((field) => field.changed);
  return (
    <AdminLayout
      title={`Revision ${from.number} → ${to.number}`}
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath={`/admin/articles/${article.id}/diff`}
    >
      <p>
        <a href={`/admin/articles/${article.id}/revisions`}>All revisions</a> ·{' '}
        <a href={`/admin/articles/${article.id}`}>Back to the article</a>
      </p>
      <p>
        Revision {from.number} by {from.author.name}, {formatPublished(from.at)}; revision {to.number} by{' '}
        {to.author.name}, {formatPublished(to.at)}.
      </p>
      <p>
        Added text is marked{' '}
        <ins>
          <span class="diff-mark">[+</span>like this<span class="diff-mark">+]</span>
        </ins>
        , removed text{' '}
        <del>
          <span class="diff-mark">[−</span>like this<span class="diff-mark">−]</span>
        </del>
        .{' '}
        {props.view === 'side' ? (
          <a href={viewHref('inline')}>Show the changes in one column</a>
        ) : (
          <a href={viewHref('side')}>Show the two revisions side by side</a>
        )}
      </p>
      {changed.length === 0 ? <p>No differences.</p> : null}
      <dl class="diff">
        {changed.map((field) => (
          <div key={field.field}>
            <dt>{field.label}</dt>
            <dd class="diff-text">
              {field.blocks === undefined ? (
                <DiffText parts={field.parts} />
              ) : props.view === 'side' ? (
                <SideBySideBodyDiff blocks={field.blocks} from={from.number} to={to.number} />
              ) : (
                <InlineBodyDiff blocks={field.blocks} />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </AdminLayout>
  );
}
