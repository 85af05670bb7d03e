import type { VNode } from 'preact';
import type { ArticleSummary } from '../../news/article.js';
import { drawFragment, fragmentHtml, type SharedFragment } from './sharedFragment.js';

const drawn = new WeakMap<ArticleSummary, Map<string, SharedFragment>>();

/**
 * The HTML of a list of stories that many pages show alike (Read more, Most read), drawn once per list. The lists
 * come from the site's shared reads, whose story objects are made afresh by each read (any newsroom change clears
 * them): so the first story object stands for the read, and the ids for the page's pick from it (a page leaves
 * itself out). `part` names the list and anything else its HTML depends on.
 */
export function storiesFragment(stories: readonly ArticleSummary[], part: string, draw: () => VNode): string {
  const first = stories[0];
  if (first === undefined) return fragmentHtml(drawFragment(draw()));
  let lists = drawn.get(first);
  if (lists === undefined) {
    lists = new Map();
    drawn.set(first, lists);
  }
  // A space cannot occur in a part's name as used here, nor in an id list, so keys never run into each other.
  const key = `${part} ${stories.map((story) => story.id).join(',')}`;
  let fragment = lists.get(key);
  if (fragment === undefined) {
    fragment = drawFragment(draw());
    lists.set(key, fragment);
  }
  return fragmentHtml(fragment);
}
