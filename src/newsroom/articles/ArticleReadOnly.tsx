import type { Block } from '../../news/article.js';
import { bylinesText } from '../../news/articleFieldRules.js';
import type { EditorialArticle } from '../../store/articles/articleWorkflow.js';

/**
 * A story shown to someone who may not change it (a writer once it is in
 * review, anyone once it is killed): the content as text, with no form that
 * would only be refused on save.
 */
export function ArticleReadOnly(props: { readonly article: EditorialArticle; readonly reason: string }) {
  const { fields } = props.article;
  return (
    <section aria-labelledby="read-only-heading" class="read-only">
      <h2 id="read-only-heading">Content (read only)</h2>
      <p class="muted">{props.reason}</p>
      <dl>
        <dt>Headline</dt>
        <dd>{fields.headline}</dd>
        <dt>Standfirst</dt>
        <dd>{fields.summary}</dd>
        <dt>Section</dt>
        <dd>{fields.sectionSlug}</dd>
        <dt>Byline</dt>
        <dd>{bylinesText(fields)}</dd>
        <dt>Dateline</dt>
        <dd>{fields.dateline ?? '—'}</dd>
        <dt>Body</dt>
        <dd>
          <ol class="read-only-body">
            {fields.body.map((block, index) => (
              <li key={index}>{blockText(block)}</li>
            ))}
          </ol>
        </dd>
        <dt>Tags</dt>
        <dd>{fields.tags.length > 0 ? fields.tags.join(', ') : '—'}</dd>
        <dt>Print page</dt>
        <dd>{fields.printPage ?? 'web only'}</dd>
        <dt>SEO title</dt>
        <dd>{fields.seoTitle ?? '—'}</dd>
        <dt>SEO description</dt>
        <dd>{fields.seoDescription ?? '—'}</dd>
      </dl>
    </section>
  );
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'subheading':
      return `Subheading: ${block.text}`;
    case 'quote':
      return `Quote: “${block.text}”${block.attribution !== undefined ? ` — ${block.attribution}` : ''}`;
    case 'image':
      return `Picture ${block.mediaId}: ${block.alt}${block.caption !== undefined ? ` (${block.caption})` : ''}`;
    case 'relatedLink':
      return `Related story: ${block.headline}`;
    case 'embed':
      return `Embed (${block.provider}): ${block.url}`;
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${item.text}`).join('\n');
  }
}
