import { h } from 'preact';
import type { Section } from '../../news/article.js';
import { Masthead } from './Masthead.js';
import { drawFragment, fragmentHtml, type SharedFragment } from './sharedFragment.js';

const rendered = new WeakMap<readonly Section[], Map<string, SharedFragment>>();

/**
 * The masthead's HTML (logo, date, search, section links), drawn once per list of sections, day and current
 * link, and shared by every page rendered meanwhile: the pages share one read of the sections (see
 * createChromeLoader), so the list itself is the key, and a changed list is a new key.
 */
export function mastheadFragment(sections: readonly Section[], today: string, currentPath: string | undefined): string {
  let byPage = rendered.get(sections);
  if (byPage === undefined) {
    byPage = new Map();
    rendered.set(sections, byPage);
  }
  // A space cannot occur in a path, so the date and the path never run into each other.
  const key = `${today} ${currentPath ?? ''}`;
  let fragment = byPage.get(key);
  if (fragment === undefined) {
    fragment = drawFragment(h(Masthead, { sections, today, ...(currentPath !== undefined ? { currentPath } : {}) }));
    byPage.set(key, fragment);
  }
  return fragmentHtml(fragment);
}
