import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatInlineMarkup, parseInlineMarkup } from './inlineMarkup.js';
import { checkMarks, inlineRuns, safeHref } from './inlineText.js';

describe('inline markup of the plain editor form', () => {
  it('reads bold, italic, links and bare addresses into text and marks', () => {
    const rich = parseInlineMarkup(
      'The **KSE-100** rose *sharply*; see [the index](/markets/indices/KSE100) or https://example.com/a.',
    );
    assert.equal(rich.text, 'The KSE-100 rose sharply; see the index or https://example.com/a.');
    assert.deepEqual(rich.marks, [
      { kind: 'bold', start: 4, end: 11 },
      { kind: 'italic', start: 17, end: 24 },
      { kind: 'link', start: 30, end: 39, href: '/markets/indices/KSE100' },
      { kind: 'link', start: 43, end: 64, href: 'https://example.com/a' },
    ]);
  });

  it('keeps stars that open nothing, and escaped characters, as written', () => {
    assert.deepEqual(parseInlineMarkup('5 * 3 = 15 and 2*'), { text: '5 * 3 = 15 and 2*' });
    assert.deepEqual(parseInlineMarkup('*unclosed and **bold**'), {
      text: '*unclosed and bold',
      marks: [{ kind: 'bold', start: 14, end: 18 }],
    });
    assert.deepEqual(parseInlineMarkup('\\*not italic\\* \\[x\\]'), { text: '*not italic* [x]' });
  });

  it('refuses unsafe link targets and leaves their markup as text', () => {
    const rich = parseInlineMarkup('[click](javascript:alert(1)) [x](//evil.example)');
    assert.equal(rich.marks, undefined);
    assert.equal(safeHref('data:text/html,hi'), null);
    assert.equal(safeHref('https://user:pw@example.com/'), null);
    assert.equal(safeHref('/news/1'), '/news/1');
  });

  it('gives back the same text and marks after formatting', () => {
    const samples = [
      'plain words only',
      'A **bold *and italic* run** with [a **strong** link](https://example.com/x_(y)) and \\* stars',
      'See https://example.com/ now, or [https://example.com/](https://example.com/).',
      'Urdu **پاکستان** and *emphasis*',
    ];
    for (const sample of samples) {
      const rich = parseInlineMarkup(sample);
      assert.deepEqual(parseInlineMarkup(formatInlineMarkup(rich)), rich, sample);
    }
  });

  it('checks marks sent by the API against their text', () => {
    assert.equal(
      checkMarks('abc', [{ kind: 'bold', start: 0, end: 4 }]),
      'An inline mark must cover some of its block’s text.',
    );
    assert.match(String(checkMarks('abc', [{ kind: 'script', start: 0, end: 1 }])), /Unknown inline mark/);
    assert.match(
      String(
        checkMarks('abcdef', [
          { kind: 'link', start: 0, end: 3, href: '/a' },
          { kind: 'link', start: 2, end: 5, href: '/b' },
        ]),
      ),
      /overlap/,
    );
    assert.deepEqual(inlineRuns({ text: 'ab', marks: [{ kind: 'italic', start: 1, end: 2 }] }), [
      { text: 'a', bold: false, italic: false, href: null },
      { text: 'b', bold: false, italic: true, href: null },
    ]);
  });
});
