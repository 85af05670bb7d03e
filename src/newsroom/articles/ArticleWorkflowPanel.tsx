import { articleUrl } from '../../http/siteUrls.js';
import type { Correction } from '../../news/article.js';
import {
  isEmbargoed,
  maySpike,
  SEND_BACK_NOTE_MAX,
  statusLabel,
  TRANSITIONS,
  type WorkflowAction,
  type WorkflowCaller,
} from '../../news/workflow.js';
import { formatPublished, toKarachiLocal } from '../../shared/pakistanTime.js';
import type { EditorialArticle } from '../../store/articles/articleWorkflow.js';
import { CSRF_FIELD } from '../http/csrf.js';

/** Where a saved article stands: status, revision, dates and links to its preview and history. */
export function StatusLine(props: { readonly article: EditorialArticle; readonly now: Date }) {
  const { article } = props;
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Status: {statusLabel(article.status)}</h2>
      <EmbargoFlag until={article.embargoUntil} now={props.now} />
      {article.sentBack !== null && article.status === 'draft' ? (
        <div class="flash flash-error sent-back">
          <p>
            <strong>Sent back to the writer</strong> by {article.sentBack.by}, {formatPublished(article.sentBack.at)}:
          </p>
          <blockquote>{article.sentBack.note}</blockquote>
        </div>
      ) : null}
      <p>
        Revision {article.revision}
        {article.owner !== null ? ` · written by ${article.owner.name}` : ''}
        {article.scheduledAt !== null ? ` · scheduled for ${formatPublished(article.scheduledAt)} (Karachi)` : ''}
        {article.everPublished ? ` · first published ${formatPublished(article.publishedAt)}` : ''}
        {article.updatedAt !== null ? ` · updated ${formatPublished(article.updatedAt)}` : ''}
      </p>
      <p>
        <a href={`/admin/articles/${article.id}/preview`}>Preview</a> ·{' '}
        <a href={`/admin/articles/${article.id}/revisions`}>Revisions</a>
        {article.status === 'published' ? (
          <>
            {' · '}
            <a href={articleUrl(article)}>View on the site</a>
          </>
        ) : null}
      </p>
    </section>
  );
}

/** "Embargoed until …" wherever a story under embargo is named; nothing once the embargo has passed. */
export function EmbargoFlag(props: { readonly until: Date | null; readonly now: Date }) {
  if (props.until === null || !isEmbargoed(props.until, props.now)) return null;
  return (
    <p class="embargo">
      <strong>Embargoed</strong> until {formatPublished(props.until)} (Karachi): not to be published before then.
    </p>
  );
}

/** One form per move the workflow allows from here and the caller may make; nothing when there is none. */
export function WorkflowActions(props: {
  readonly article: EditorialArticle;
  readonly caller: WorkflowCaller;
  readonly csrfToken: string;
  readonly now: Date;
}) {
  const { article, caller, csrfToken } = props;
  const allowed = TRANSITIONS[article.status];
  const offered = (action: WorkflowAction) =>
    allowed[action] !== undefined && (action === 'submit' ? caller.canPublish || caller.isOwner : caller.canPublish);
  const form = (action: WorkflowAction, label: string, extra?: preact.ComponentChildren) => (
    <form method="post" action={`/admin/articles/${article.id}/transition`} class="workflow-action">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <input type="hidden" name="action" value={action} />
      {extra}
      <button type="submit">{label}</button>
    </form>
  );
  const actions = [
    offered('submit') ? form('submit', 'Submit for review') : null,
    offered('sendBack')
      ? form(
          'sendBack',
          'Send back to the writer',
          <label for="field-sendBackNote">
            What should the writer change? (the writer sees this note)
            <textarea id="field-sendBackNote" name="note" rows={3} required maxLength={SEND_BACK_NOTE_MAX} />
          </label>,
        )
      : null,
    offered('publish') ? form('publish', 'Publish now') : null,
    offered('schedule')
      ? form(
          'schedule',
          'Schedule',
          <label for="schedule-at">
            Publish at (Karachi time)
            <input
              id="schedule-at"
              type="datetime-local"
              name="at"
              required
              value={article.scheduledAt !== null ? toKarachiLocal(article.scheduledAt) : ''}
              min={toKarachiLocal(props.now)}
            />
          </label>,
        )
      : null,
    offered('unpublish')
      ? form('unpublish', article.status === 'scheduled' ? 'Take off the schedule' : 'Unpublish')
      : null,
    offered('kill')
      ? form(
          'kill',
          'Kill this article',
          <label for="kill-confirm">
            Type KILL to remove it everywhere for good
            <input id="kill-confirm" name="confirm" required autocomplete="off" />
          </label>,
        )
      : null,
    maySpike(caller, article).ok ? (
      <form method="post" action={`/admin/articles/${article.id}/spike`} class="workflow-action">
        <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
        <label for="field-confirm-spike">
          Type SPIKE to discard this story and its revisions
          <input id="field-confirm-spike" name="confirm" required autocomplete="off" />
        </label>
        <button type="submit">Spike this story</button>
      </form>
    ) : null,
    caller.canPublish && article.status !== 'published' && article.status !== 'killed' ? (
      <EmbargoForm article={article} csrfToken={csrfToken} now={props.now} />
    ) : null,
  ].filter((node) => node !== null);
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Workflow</h2>
      {actions}
    </section>
  );
}

/** Sets the embargo's end, or lifts it. */
function EmbargoForm(props: { readonly article: EditorialArticle; readonly csrfToken: string; readonly now: Date }) {
  const { article } = props;
  const action = `/admin/articles/${article.id}/embargo`;
  return (
    <>
      <form method="post" action={action} class="workflow-action">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <label for="field-embargoUntil">
          Embargo until (Karachi time)
          <input
            id="field-embargoUntil"
            type="datetime-local"
            name="until"
            required
            value={article.embargoUntil !== null ? toKarachiLocal(article.embargoUntil) : ''}
            min={toKarachiLocal(props.now)}
          />
        </label>
        <button type="submit">{article.embargoUntil !== null ? 'Change the embargo' : 'Set an embargo'}</button>
      </form>
      {article.embargoUntil !== null ? (
        <form method="post" action={action} class="workflow-action">
          <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
          <input type="hidden" name="until" value="" />
          <button type="submit">Lift the embargo</button>
        </form>
      ) : null}
    </>
  );
}

/** The notes readers see under a published article, and the form to add one. */
export function CorrectionForm(props: { readonly article: EditorialArticle; readonly csrfToken: string }) {
  const { article } = props;
  return (
    <section aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and updates</h2>
      {article.corrections.length > 0 ? (
        <ul>
          {article.corrections.map((c) => (
            <li key={c.id}>
              <CorrectionItem article={article} correction={c} csrfToken={props.csrfToken} />
            </li>
          ))}
        </ul>
      ) : null}
      <form method="post" action={`/admin/articles/${article.id}/corrections`} class="stacked">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <label for="correction-kind">
          Kind
          <select id="correction-kind" name="kind">
            <option value="correction">Correction</option>
            <option value="update">Update</option>
          </select>
        </label>
        <label for="correction-text">
          Note shown to readers
          <textarea id="correction-text" name="text" rows={3} required maxLength={2000} />
        </label>
        <button type="submit">Add note</button>
      </form>
    </section>
  );
}

/**
 * One note as readers see it, with forms to amend its text or withdraw it.
 * A withdrawn note stays listed (readers still see a dated line for it).
 */
function CorrectionItem(props: {
  readonly article: EditorialArticle;
  readonly correction: Correction;
  readonly csrfToken: string;
}) {
  const { article, correction: c } = props;
  const kind = c.kind === 'correction' ? 'Correction' : 'Update';
  if (c.withdrawn !== undefined) {
    return (
      <>
        {kind}, {formatPublished(c.at)}: <s>{c.text}</s> — withdrawn {formatPublished(c.withdrawn.at)}:{' '}
        {c.withdrawn.note}
      </>
    );
  }
  const base = `/admin/articles/${article.id}/corrections/${c.id}`;
  return (
    <>
      {kind}, {formatPublished(c.at)}
      {c.amendedAt !== undefined ? ` (amended ${formatPublished(c.amendedAt)})` : ''}: {c.text}
      <details>
        <summary>Amend or withdraw this {kind.toLowerCase()}</summary>
        <form method="post" action={`${base}/amend`} class="stacked">
          <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
          <label for={`correction-${c.id}-text`}>
            New text (readers see it marked amended)
            <textarea id={`correction-${c.id}-text`} name="text" rows={3} required maxLength={2000}>
              {c.text}
            </textarea>
          </label>
          <button type="submit">Amend note</button>
        </form>
        <form method="post" action={`${base}/withdraw`} class="stacked">
          <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
          <label for={`correction-${c.id}-note`}>
            Why it is withdrawn (readers see this in place of the note)
            <textarea id={`correction-${c.id}-note`} name="note" rows={2} required maxLength={500} />
          </label>
          <button type="submit">Withdraw note</button>
        </form>
      </details>
    </>
  );
}
