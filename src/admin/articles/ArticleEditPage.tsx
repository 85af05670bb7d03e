import type { Section } from '../../news/article.js';
import { type BlockInput, EDITABLE_BLOCK_TYPES, type FieldError, LIMITS } from '../../news/articleFieldRules.js';
import { formatPublished } from '../../news/time.js';
import { statusLabel, TRANSITIONS, type WorkflowAction, type WorkflowCaller } from '../../news/workflow.js';
import type { EditorialArticle } from '../../store/articleWorkflow.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';
import type { Actor } from '../roles.js';
import { type ArticleFormValues, isTextBlock, textOf } from './articleForm.js';
import { toKarachiLocal } from './karachiLocalTime.js';

export interface ArticleEditPageProps {
  readonly actor: Actor;
  readonly csrfToken: string;
  /** Null while writing a new article. */
  readonly article: EditorialArticle | null;
  readonly values: ArticleFormValues;
  /** The revision the form's content was based on. */
  readonly baseRevision: number;
  readonly sections: readonly Section[];
  readonly tagSuggestions: readonly string[];
  readonly errors: readonly FieldError[];
  readonly flash?: Flash;
  /** Set after a refused save because someone else saved first: where to compare. */
  readonly conflictDiffUrl?: string;
  readonly caller: WorkflowCaller;
  readonly now: Date;
}

const AGENCY_BYLINES = ['AFP', 'Reuters', 'APP'];

/** The editor: content form with a block list that works without script, then the workflow's actions. */
export function ArticleEditPage(props: ArticleEditPageProps) {
  const { article, values, errors } = props;
  const action = article === null ? '/admin/articles' : `/admin/articles/${article.id}`;
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const title = article === null ? 'New article' : `Edit: ${article.fields.headline}`;
  return (
    <AdminLayout
      title={title}
      actor={props.actor}
      csrfToken={props.csrfToken}
      currentPath={action}
      {...(props.flash !== undefined ? { flash: props.flash } : {})}
    >
      {props.conflictDiffUrl !== undefined ? (
        <p class="flash flash-error">
          <a href={props.conflictDiffUrl}>Compare your starting revision with the latest</a>. Your text is still in the
          form below; copy what you need, then open the latest revision.
        </p>
      ) : null}
      {errors.length > 0 ? (
        <div class="flash flash-error" role="alert">
          <p>Nothing was saved. Please fix:</p>
          <ul>
            {errors.map((error) => (
              <li key={`${error.field}:${error.message}`}>
                <a href={`#${fieldId(error.field)}`}>{fieldLabel(error.field)}</a>: {error.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {article !== null ? <StatusLine article={article} /> : null}

      <form method="post" action={action} class="article-form">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <input type="hidden" name="baseRevision" value={String(props.baseRevision)} />
        <input type="hidden" name="blockCount" value={String(values.blocks.length)} />
        <TextField
          name="headline"
          label="Headline"
          value={values.headline}
          max={LIMITS.headline}
          error={errorOf('headline')}
          required
        />
        <TextArea
          name="summary"
          label="Standfirst"
          value={values.summary}
          max={LIMITS.summary}
          error={errorOf('summary')}
          required
        />
        <label for="field-sectionSlug">
          Section
          <select id="field-sectionSlug" name="sectionSlug" {...describedBy('sectionSlug', errorOf('sectionSlug'))}>
            {props.sections.map((section) => (
              <option key={section.slug} value={section.slug} selected={section.slug === values.sectionSlug}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        <FieldErrorText field="sectionSlug" message={errorOf('sectionSlug')} />
        <TextField
          name="byline"
          label="Byline (a staff name, or AFP, Reuters, APP)"
          value={values.byline}
          max={LIMITS.byline}
          error={errorOf('byline')}
          list="byline-agencies"
          required
        />
        <datalist id="byline-agencies">
          {AGENCY_BYLINES.map((agency) => (
            <option key={agency} value={agency} />
          ))}
        </datalist>
        <TextField
          name="dateline"
          label="Dateline (e.g. KARACHI)"
          value={values.dateline}
          max={LIMITS.dateline}
          error={errorOf('dateline')}
        />

        <fieldset class="blocks">
          <legend>Body</legend>
          <FieldErrorText field="body" message={errorOf('body')} />
          <ol>
            {values.blocks.map((block, index) => (
              <li key={index} id={fieldId(`body.${index}`)}>
                {isTextBlock(block) ? (
                  <TextBlockFields block={block} index={index} />
                ) : (
                  <p>
                    Block {index + 1}: {block.type} (kept as it is)
                    <input type="hidden" name={`block-${index}-json`} value={JSON.stringify(block)} />
                  </p>
                )}
                <FieldErrorText field={`body.${index}`} message={errorOf(`body.${index}`)} />
                <p class="block-buttons">
                  <button type="submit" name="op" value={`up-${index}`} disabled={index === 0}>
                    Move block {index + 1} up
                  </button>{' '}
                  <button type="submit" name="op" value={`down-${index}`} disabled={index === values.blocks.length - 1}>
                    Move block {index + 1} down
                  </button>{' '}
                  <button type="submit" name="op" value={`remove-${index}`}>
                    Remove block {index + 1}
                  </button>
                </p>
              </li>
            ))}
          </ol>
          <button type="submit" name="op" value="add">
            Add a block
          </button>
        </fieldset>

        <TextField
          name="tags"
          label="Tags (comma separated)"
          value={values.tags}
          max={2000}
          error={errorOf('tags')}
          list="tag-suggestions"
        />
        <datalist id="tag-suggestions">
          {props.tagSuggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <TextField
          name="printPage"
          label="Print page (empty for web only)"
          value={values.printPage}
          max={3}
          error={errorOf('printPage')}
          inputMode="numeric"
        />
        <TextField
          name="seoTitle"
          label="SEO title"
          value={values.seoTitle}
          max={LIMITS.seoTitle}
          error={errorOf('seoTitle')}
        />
        <TextArea
          name="seoDescription"
          label="SEO description"
          value={values.seoDescription}
          max={LIMITS.seoDescription}
          error={errorOf('seoDescription')}
        />
        <TextField
          name="note"
          label="Note on this revision (optional)"
          value={values.note}
          max={500}
          error={undefined}
        />
        <p>
          <button type="submit" name="op" value="save">
            {article === null ? 'Save draft' : 'Save'}
          </button>
        </p>
      </form>

      {article !== null ? <WorkflowActions {...props} article={article} /> : null}
      {article !== null && article.status === 'published' && props.caller.canPublish ? (
        <CorrectionForm article={article} csrfToken={props.csrfToken} />
      ) : null}
    </AdminLayout>
  );
}

function TextBlockFields(props: { readonly block: BlockInput; readonly index: number }) {
  const { block, index } = props;
  return (
    <>
      <label for={`block-${index}-type`}>
        Block {index + 1} type
        <select id={`block-${index}-type`} name={`block-${index}-type`}>
          {EDITABLE_BLOCK_TYPES.map((type) => (
            <option key={type} value={type} selected={type === block.type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      <label for={`block-${index}-text`}>
        Block {index + 1} text
        <textarea id={`block-${index}-text`} name={`block-${index}-text`} rows={4}>
          {textOf(block, 'text')}
        </textarea>
      </label>
      <label for={`block-${index}-attribution`}>
        Quote attribution (quotes only)
        <input
          id={`block-${index}-attribution`}
          name={`block-${index}-attribution`}
          value={textOf(block, 'attribution')}
        />
      </label>
    </>
  );
}

function StatusLine(props: { readonly article: EditorialArticle }) {
  const { article } = props;
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Status: {statusLabel(article.status)}</h2>
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
            <a href={`/news/${article.id}/${article.slug}`}>View on the site</a>
          </>
        ) : null}
      </p>
    </section>
  );
}

function WorkflowActions(props: ArticleEditPageProps & { readonly article: EditorialArticle }) {
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
  ].filter((node) => node !== null);
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Workflow</h2>
      {actions}
    </section>
  );
}

function CorrectionForm(props: { readonly article: EditorialArticle; readonly csrfToken: string }) {
  const { article } = props;
  return (
    <section aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and updates</h2>
      {article.corrections.length > 0 ? (
        <ul>
          {article.corrections.map((c) => (
            <li key={c.id}>
              {c.kind === 'correction' ? 'Correction' : 'Update'}, {formatPublished(c.at)}: {c.text}
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

function TextField(props: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly max: number;
  readonly error: string | undefined;
  readonly required?: boolean;
  readonly list?: string;
  readonly inputMode?: 'numeric';
}) {
  const id = fieldId(props.name);
  return (
    <>
      <label for={id}>
        {props.label}
        <input
          id={id}
          name={props.name}
          value={props.value}
          maxLength={props.max}
          {...(props.required ? { required: true } : {})}
          {...(props.list !== undefined ? { list: props.list } : {})}
          {...(props.inputMode !== undefined ? { inputMode: props.inputMode } : {})}
          {...describedBy(props.name, props.error)}
        />
      </label>
      <FieldErrorText field={props.name} message={props.error} />
    </>
  );
}

function TextArea(props: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly max: number;
  readonly error: string | undefined;
  readonly required?: boolean;
}) {
  const id = fieldId(props.name);
  return (
    <>
      <label for={id}>
        {props.label}
        <textarea
          id={id}
          name={props.name}
          rows={3}
          maxLength={props.max}
          {...(props.required ? { required: true } : {})}
          {...describedBy(props.name, props.error)}
        >
          {props.value}
        </textarea>
      </label>
      <FieldErrorText field={props.name} message={props.error} />
    </>
  );
}

function FieldErrorText(props: { readonly field: string; readonly message: string | undefined }) {
  if (props.message === undefined) return null;
  return (
    <p class="field-error" id={`${fieldId(props.field)}-error`}>
      {props.message}
    </p>
  );
}

function describedBy(field: string, error: string | undefined) {
  return error === undefined ? {} : { 'aria-describedby': `${fieldId(field)}-error`, 'aria-invalid': true as const };
}

function fieldId(field: string): string {
  return `field-${field.replace(/\./g, '-')}`;
}

const LABELS: Record<string, string> = {
  headline: 'Headline',
  summary: 'Standfirst',
  sectionSlug: 'Section',
  byline: 'Byline',
  dateline: 'Dateline',
  body: 'Body',
  tags: 'Tags',
  printPage: 'Print page',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  at: 'Publish at',
  text: 'Note',
  confirm: 'Confirmation',
};

function fieldLabel(field: string): string {
  const block = /^body\.(\d+)$/.exec(field);
  if (block !== null) return `Block ${Number(block[1]) + 1}`;
  return LABELS[field] ?? field;
}
