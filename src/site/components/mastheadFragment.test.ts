import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { Masthead } from './Masthead.js';
import { mastheadFragment } from './mastheadFragment.js';

const sections = [
  { slug: 'markets', name: 'Markets', position: 1 },
  { slug: 'world', name: 'World & <Region>', position: 2 },
];

test('the masthead fragment is the Masthead drawn, with its names escaped and the current link marked', () => {
  const html = mastheadFragment(sections, 'Jan 31, 2023', '/world');
  assert.equal(html, render(h(Masthead, { sections, today: 'Jan 31, 2023', currentPath: '/world' })));
  assert.match(html, /World &amp; &lt;Region>/);
  assert.match(html, /<a href="\/world" aria-current="page">/);
  assert.doesNotMatch(mastheadFragment(sections, 'Jan 31, 2023', undefined), /aria-current/);
});

test('drawn once per list of sections, day and link; a new list of sections is drawn afresh', () => {
  const first = mastheadFragment(sections, 'Feb 1, 2023', '/markets');
  assert.equal(mastheadFragment(sections, 'Feb 1, 2023', '/markets'), first);
  assert.notEqual(mastheadFragment(sections, 'Feb 2, 2023', '/markets'), first, 'a new day');
  const renamed = [{ ...sections[0], name: 'Stocks' }, sections[1]] as typeof sections;
  assert.match(mastheadFragment(renamed, 'Feb 1, 2023', '/markets'), />Stocks</);
});
