import type { EditorialArticle } from '../../store/articles/articleWorkflow.js';
import { editingSentence } from './presence.js';

/**
 * Which article the story editor island autosaves to (none for a new story,
 * which is kept in the browser only until its first save). The body itself
 * is read from the plain form's block fields, so a page carries it once
 * (a 3,000-word story sent twice cost the editor its load-time budget).
 */
export function editorMount(article: EditorialArticle | null): Record<string, string> {
  return { 'data-story-editor': article === null ? 'new' : String(article.id) };
}

/** "Amna is editing this story": filled in at render, kept current by the island. */
export function PresenceLine(props: { readonly names: readonly string[] }) {
  return (
    <p class="presence" role="status" data-presence>
      {editingSentence(props.names)}
    </p>
  );
}
