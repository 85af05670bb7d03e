import type { BlockInput } from '../../news/articleFieldRules.js';
import { readForm } from '../articles/articleForm.js';
import { editorBlocksOf } from '../articles/editorBody.js';

/**
 * The body as the plain form holds it (its block fields, read the way the
 * server reads a post), as blocks with marks for the rich editor. Reading
 * the form rather than a copy of the body in the page keeps the page's
 * 3,000 words sent once.
 */
export function blocksOfPlainForm(form: HTMLFormElement): BlockInput[] {
  const posted: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && (name === 'blockCount' || name.startsWith('block-'))) posted[name] = value;
  }
  return editorBlocksOf(readForm(posted).blocks).map((block, index) => {
    if (block.type !== 'relatedLink' || typeof block.headline === 'string') return block;
    // The headline is the server's (looked up at save); the form shows it beside the id.
    const shown = form.querySelector(`[data-related-headline="${index}"]`)?.textContent ?? '';
    return shown === '' ? block : { ...block, headline: shown };
  });
}
