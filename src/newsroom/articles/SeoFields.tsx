import { LIMITS } from '../../news/articleFieldRules.js';
import { SITE_NAME } from '../../site/components/Layout.js';
import type { EditorialArticle } from '../../store/articles/articleWorkflow.js';
import { FieldErrorText, fieldId, TextArea, TextField } from './ArticleFormFields.js';
import type { ArticleFormValues } from './articleForm.js';
import { counterText, SEARCH_DESCRIPTION_SHOWN, SEARCH_TITLE_SHOWN, seoPreviewOf } from './seoPreview.js';

/**
 * A field's live count: right at render, kept current as the writer types by
 * the story editor island (src/newsroom/islands/seoLive.ts).
 */
export function FieldCounter(props: {
  readonly field: string;
  readonly length: number;
  readonly max: number;
  readonly shown?: number;
}) {
  return (
    <p
      class="field-counter muted"
      id={`${fieldId(props.field)}-count`}
      data-counter-of={fieldId(props.field)}
      data-max={String(props.max)}
      {...(props.shown !== undefined ? { 'data-shown': String(props.shown) } : {})}
    >
      {counterText(props.length, props.max, props.shown)}
    </p>
  );
}

/** The story's address, SEO title and description with their counts, and how it will show in search and when shared. */
export function SeoFields(props: {
  readonly article: EditorialArticle | null;
  readonly values: ArticleFormValues;
  readonly errorOf: (field: string) => string | undefined;
}) {
  const { article, values, errorOf } = props;
  const published = article?.everPublished ?? false;
  const preview = seoPreviewOf({
    ...values,
    article: article === null ? null : { id: article.id, slug: article.slug, everPublished: article.everPublished },
    siteName: SITE_NAME,
  });
  const slugError = errorOf('slug');
  return (
    <fieldset
      class="seo-fields"
      data-seo-panel
      data-site-name={SITE_NAME}
      {...(article !== null
        ? {
            'data-article-id': String(article.id),
            'data-current-slug': article.slug,
            'data-ever-published': published ? 'yes' : 'no',
          }
        : {})}
    >
      <legend>Address, search and sharing</legend>
      <label for={fieldId('slug')}>
        Slug (the words of the story's address)
        <input
          id={fieldId('slug')}
          name="slug"
          value={values.slug}
          maxLength={LIMITS.slug}
          placeholder={published ? '' : 'made from the headline'}
          aria-describedby={`${fieldId('slug')}-hint${slugError !== undefined ? ` ${fieldId('slug')}-error` : ''}`}
          {...(slugError !== undefined ? { 'aria-invalid': true as const } : {})}
        />
      </label>
      <p class="field-hint" id={`${fieldId('slug')}-hint`}>
        {published
          ? 'Readers know the story at this address, and it stays when the headline changes. Change it only on purpose: the old address will send readers here (301).'
          : 'Empty: made from the headline (Urdu words are kept). Once the story is published the address stays, even when the headline changes.'}
      </p>
      <FieldErrorText field="slug" message={slugError} />
      <TextField
        name="seoTitle"
        value={values.seoTitle}
        error={errorOf('seoTitle')}
        label="SEO title"
        max={LIMITS.seoTitle}
      />
      <FieldCounter
        field="seoTitle"
        length={values.seoTitle.trim().length}
        max={LIMITS.seoTitle}
        shown={SEARCH_TITLE_SHOWN}
      />
      <TextArea
        name="seoDescription"
        value={values.seoDescription}
        error={errorOf('seoDescription')}
        label="SEO description"
        max={LIMITS.seoDescription}
      />
      <FieldCounter
        field="seoDescription"
        length={values.seoDescription.trim().length}
        max={LIMITS.seoDescription}
        shown={SEARCH_DESCRIPTION_SHOWN}
      />
      <div class="seo-previews">
        <p class="preview-label">In a search result</p>
        <div class="search-preview" data-search-preview>
          <p class="search-preview-path" data-preview="searchPath">
            {preview.searchPath}
          </p>
          <p class="search-preview-title" data-preview="searchTitle">
            {preview.searchTitle}
          </p>
          <p class="search-preview-description" data-preview="searchDescription">
            {preview.searchDescription}
          </p>
        </div>
        <p class="preview-label">On a share card</p>
        <div class="card-preview" data-card-preview>
          <p class="card-preview-picture muted">The featured picture, or a card drawn from the headline</p>
          <p class="card-preview-site">{SITE_NAME.toUpperCase()}</p>
          <p class="card-preview-title" data-preview="cardTitle">
            {preview.cardTitle}
          </p>
          <p class="card-preview-description" data-preview="cardDescription">
            {preview.cardDescription}
          </p>
        </div>
      </div>
    </fieldset>
  );
}
