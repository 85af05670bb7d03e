import type { EditorialArticle } from '../../store/articles/articleWorkflow.js';
import type { ArticleFormValues } from './articleForm.js';
import { editorBlocksOf } from './editorBody.js';
import { editingSentence } from './presence.js';

/**
 * What the story editor island reads from the form it enhances: the body as
 * blocks with marks, and the article it autosaves to (none for a new story,
 * which is kept in the browser only until its first save).
 */
export function editorMount(article: EditorialArticle | null, values: ArticleFormValues): Record<string, string> {
  return {
    'data-story-editor': article === null ? 'new' : String(article.id),
    'data-body': JSON.stringify(editorBlocksOf(values.blocks)),
  };
}

/** "Amna is editing this story": filled in at render, kept current by the island. */
export function PresenceLine(props: { readonly names: readonly string[] }) {
  return (
    <p class="presence" role="status" data-presence>
      {editingSentence(props.names)}
    </p>
  );
}
