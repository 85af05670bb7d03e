import type { ComponentChildren } from 'preact';
import type { Section } from '../../news/article.js';
import { LIMITS } from '../../news/articleFieldRules.js';
import type { Actor } from '../../news/roles.js';
import { mayEdit, type WorkflowCaller } from '../../news/workflow.js';
import type { FieldProblem } from '../../shared/outcome.js';
import type { EditorialArticle } from '../../store/articles/articleWorkflow.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminLayout, type Flash } from '../pages/AdminLayout.js';
import { NoSectionsNotice } from '../sections/NoSectionsNotice.js';
import { describedBy, FieldErrorText, fieldId, TextArea, TextField } from './ArticleFormFields.js';
import { ArticleReadOnly } from './ArticleReadOnly.js';
import { CorrectionForm, StatusLine, WorkflowActions } from './ArticleWorkflowPanel.js';
import { type ArticleFormValues, isEditableBlock } from './articleForm.js';
import { BlockFields, BlockTypeSelect } from './BlockFields.js';
import { FieldCounter, SeoFields } from './SeoFields.js';
import { editorMount, PresenceLine } from './StoryEditorMount.js';

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
  readonly errors: readonly FieldProblem[];
  readonly flash?: Flash;
  /** Set after a refused save because someone else saved first: where to compare. */
  readonly conflictDiffUrl?: string;
  readonly caller: WorkflowCaller;
  readonly now: Date;
  /** The rich editor island's script; null leaves the plain form alone. */
  readonly editorScriptUrl?: string | null;
  /** Other people with this story open now. */
  readonly othersEditing?: readonly string[];
  /** The story's featured picture and its forms (src/newsroom/media/FeaturedPicturePanel.tsx); absent for a new story. */
  readonly picturePanel?: ComponentChildren;
  /** Where the article's copy came from (a wire item), shown above the form. */
  readonly source?: ComponentChildren;
}

const AGENCY_BYLINES = ['AFP', 'Reuters', 'APP'];

/** The form's one-line text fields, each shown with its value and error by name. */
type TextFieldName = Exclude<keyof ArticleFormValues, 'blocks'>;

/** The editor: content form with a block list that works without script, then the workflow's actions. */
export function ArticleEditPage(props: ArticleEditPageProps) {
  const { article, values, errors } = props;
  const action = article === null ? '/admin/articles' : `/admin/articles/${article.id}`;
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  const bound = (name: TextFieldName) => ({ name, value: values[name], error: errorOf(name) });
  // Someone who may not change the story reads it instead of filling a form that would be refused.
  const editable = article === null || mayEdit(props.caller, article.status);
  const title = article === null ? 'New article' : `${editable ? 'Edit' : 'Read'}: ${article.fields.headline}`;
  // A site started without demo content has no sections, and a story cannot be saved without one.
  if (article === null && props.sections.length === 0)
    return <NoSections actor={props.actor} csrfToken={props.csrfToken} />;
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
      {article !== null ? <StatusLine article={article} now={props.now} /> : null}
      {article !== null ? <PresenceLine names={props.othersEditing ?? []} /> : null}
      {props.source ?? null}
      {article !== null && !editable ? (
        <ArticleReadOnly
          article={article}
          reason={
            article.status === 'killed'
              ? 'A killed story cannot be changed.'
              : 'Writers change only their own drafts: ask an editor to change this story, or to send it back to you.'
          }
        />
      ) : (
        <form
          method="post"
          action={action}
          class="article-form"
          {...(props.editorScriptUrl ? editorMount(article) : {})}
        >
          <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
          <input type="hidden" name="baseRevision" value={String(props.baseRevision)} />
          <input type="hidden" name="blockCount" value={String(values.blocks.length)} />
          <TextField {...bound('headline')} label="Headline" max={LIMITS.headline} required />
          <FieldCounter field="headline" length={values.headline.trim().length} max={LIMITS.headline} />
          <TextArea {...bound('summary')} label="Standfirst" max={LIMITS.summary} required />
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
            {...bound('byline')}
            label="Byline (a staff name, or AFP, Reuters, APP; several separated by ;)"
            max={LIMITS.byline * LIMITS.bylines}
            list="byline-agencies"
            required
          />
          <datalist id="byline-agencies">
            {AGENCY_BYLINES.map((agency) => (
              <option key={agency} value={agency} />
            ))}
          </datalist>
          <TextField {...bound('dateline')} label="Dateline (e.g. KARACHI)" max={LIMITS.dateline} />

          <fieldset class="blocks" data-plain-blocks>
            <legend>Body</legend>
            <FieldErrorText field="body" message={errorOf('body')} />
            <ol>
              {values.blocks.map((block, index) => (
                <li key={index} id={fieldId(`body.${index}`)}>
                  {isEditableBlock(block) ? (
                    <BlockFields block={block} index={index} />
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
                    <button
                      type="submit"
                      name="op"
                      value={`down-${index}`}
                      disabled={index === values.blocks.length - 1}
                    >
                      Move block {index + 1} down
                    </button>{' '}
                    <button type="submit" name="op" value={`remove-${index}`}>
                      Remove block {index + 1}
                    </button>
                  </p>
                </li>
              ))}
            </ol>
            <p class="block-add">
              <BlockTypeSelect
                id="field-newBlockType"
                name="newBlockType"
                label="Kind of block to add"
                selected="paragraph"
              />{' '}
              <button type="submit" name="op" value="add">
                Add a block
              </button>
            </p>
          </fieldset>

          <TextField {...bound('tags')} label="Tags (comma separated)" max={2000} list="tag-suggestions" />
          <datalist id="tag-suggestions">
            {props.tagSuggestions.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <TextField {...bound('printPage')} label="Print page (empty for web only)" max={3} inputMode="numeric" />
          <SeoFields article={article} values={values} errorOf={errorOf} />
          <TextField {...bound('note')} label="Note on this revision (optional)" max={500} />
          <p>
            <button type="submit" name="op" value="save">
              {article === null ? 'Save draft' : 'Save'}
            </button>
          </p>
        </form>
      )}

      {props.picturePanel}
      {article !== null ? (
        <WorkflowActions article={article} caller={props.caller} csrfToken={props.csrfToken} now={props.now} />
      ) : null}
      {article !== null && article.status === 'published' && props.caller.canPublish ? (
        <CorrectionForm article={article} csrfToken={props.csrfToken} />
      ) : null}
      {props.editorScriptUrl ? <script type="module" src={props.editorScriptUrl} /> : null}
    </AdminLayout>
  );
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
  slug: 'Slug',
  at: 'Publish at',
  text: 'Note',
  confirm: 'Confirmation',
  sendBackNote: 'Note to the writer',
  embargoUntil: 'Embargo until',
};

function fieldLabel(field: string): string {
  const block = /^body\.(\d+)$/.exec(field);
  if (block !== null) return `Block ${Number(block[1]) + 1}`;
  return LABELS[field] ?? field;
}

/** Instead of a form that could not be saved: where sections are made, or who can make them. */
function NoSections(props: { readonly actor: Actor; readonly csrfToken: string }) {
  return (
    <AdminLayout title="New article" actor={props.actor} csrfToken={props.csrfToken} currentPath="/admin/articles/new">
      <NoSectionsNotice actor={props.actor} then="write the story" />
    </AdminLayout>
  );
}
