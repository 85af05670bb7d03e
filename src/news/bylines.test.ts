import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ArticleInput, bylineOf, bylinesText, validateArticleInput } from './articleFieldRules.js';

const INPUT: ArticleInput = {
  headline: 'Rupee firms',
  summary: 'The rupee rose.',
  sectionSlug: 'markets',
  byline: 'Staff Reporter',
  dateline: '',
  body: [{ type: 'paragraph', text: 'It rose.' }],
  tags: [],
  printPage: '',
  seoTitle: '',
  seoDescription: '',
};

describe('bylines', () => {
  test('agencies are matched in any case and never saved as a staff byline', () => {
    assert.deepEqual(bylineOf('afp'), { kind: 'agency', agency: 'AFP' });
    assert.deepEqual(bylineOf(' REUTERS '), { kind: 'agency', agency: 'Reuters' });
    assert.deepEqual(bylineOf('App'), { kind: 'agency', agency: 'APP' });
    assert.deepEqual(bylineOf('Apple Khan'), { kind: 'staff', name: 'Apple Khan' });
  });

  test('several bylines, separated by ; or a comma, the first first; duplicates kept once', () => {
    const checked = validateArticleInput({ ...INPUT, byline: 'Amna Khan; Bilal Ahmed, afp; AFP' });
    assert.ok(checked.ok);
    assert.deepEqual(checked.value.byline, { kind: 'staff', name: 'Amna Khan' });
    assert.deepEqual(checked.value.moreBylines, [
      { kind: 'staff', name: 'Bilal Ahmed' },
      { kind: 'agency', agency: 'AFP' },
    ]);
    assert.equal(bylinesText(checked.value), 'Amna Khan; Bilal Ahmed; AFP');
    const one = validateArticleInput({ ...INPUT, byline: 'reuters' });
    assert.ok(one.ok);
    assert.deepEqual(one.value.byline, { kind: 'agency', agency: 'Reuters' });
    assert.equal('moreBylines' in one.value, false);
  });

  test('an empty, too long or too crowded byline is refused with a message', () => {
    for (const byline of ['', ' ; , ', 'x'.repeat(101), 'a;b;c;d;e;f;g']) {
      const checked = validateArticleInput({ ...INPUT, byline });
      assert.equal(checked.ok, false, byline);
      assert.equal(!checked.ok && checked.errors[0]?.field, 'byline');
    }
  });
});
