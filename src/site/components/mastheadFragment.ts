import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { Section } from '../../news/article.js';
import { Masthead } from './Masthead.js';

const rendered = new WeakMap<readonly Section[], Map<string, string>>();

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
  let html = byPage.get(key);
  if (html === undefined) {
    html = render(h(Masthead, { sections, today, ...(currentPath !== undefined ? { currentPath } : {}) }));
    byPage.set(key, html);
  }
  return html;
}
