import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import type { ArticleSummary } from '../../news/article.js';
import { storiesFragment } from './storiesFragment.js';

function story(id: number, headline: string): ArticleSummary {
  return {
    id,
    slug: `story-${id}`,
    headline,
    summary: '',
    sectionSlug: 'pakistan',
    byline: { kind: 'agency', agency: 'APP' },
    publishedAt: new Date('2023-01-31T10:00:00Z'),
    printPage: null,
  };
}

const list = (stories: readonly ArticleSummary[]) =>
  h('ul', null, ...stories.map((item) => h('li', { key: item.id }, item.headline)));

test('a list of stories is drawn once per read and pick, and afresh for a new read', () => {
  const read = [story(1, 'Rupee gains'), story(2, 'KSE-100 rises'), story(3, 'IMF talks')];
  let draws = 0;
  const draw = (stories: readonly ArticleSummary[]) => () => {
    draws += 1;
    return list(stories);
  };
  const first = storiesFragment(read, 'read-more', draw(read));
  assert.equal(storiesFragment(read, 'read-more', draw(read)), first);
  assert.equal(draws, 1, 'the same read and pick: drawn once');
  // A page leaves itself out of the list: another pick from the same read.
  const withoutTwo = read.filter((item) => item.id !== 2);
  assert.doesNotMatch(storiesFragment(withoutTwo, 'read-more', draw(withoutTwo)), /KSE-100/);
  // A correction clears the shared reads, and the next read makes new story objects: never the old headline.
  const corrected = [story(1, 'Rupee gains'), story(2, 'KSE-100 falls'), story(3, 'IMF talks')];
  const after = storiesFragment(corrected, 'read-more', draw(corrected));
  assert.match(after, /KSE-100 falls/);
  assert.doesNotMatch(after, /KSE-100 rises/);
  assert.notEqual(storiesFragment(read, 'most-read', draw(read)), undefined);
  assert.equal(draws, 4, 'another list name is another fragment');
});
