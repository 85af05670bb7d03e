import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headlineLines, widthEm } from './headlineLines.js';

test('a headline is broken between words into lines no wider than the measure', () => {
  const headline = 'IMF staff-level agreement within reach as Pakistan agrees to raise power tariffs';
  const { lines, truncated } = headlineLines(headline, { maxWidthEm: 16, maxLines: 6 });
  assert.equal(truncated, false);
  assert.ok(lines.length > 1);
  assert.equal(lines.join(' '), headline, 'no word is lost or changed');
  for (const line of lines) assert.ok(widthEm(line) <= 16, line);
});

test('a headline too long for the lines allowed ends with an ellipsis on the last one', () => {
  const { lines, truncated } = headlineLines('word '.repeat(60), { maxWidthEm: 10, maxLines: 3 });
  assert.equal(truncated, true);
  assert.equal(lines.length, 3);
  assert.match(lines[2] ?? '', /…$/);
  assert.ok(widthEm(lines[2] ?? '') <= 10);
});

test('a word wider than a line is cut to fit', () => {
  const { lines } = headlineLines(`A ${'X'.repeat(40)} B`, { maxWidthEm: 10, maxLines: 10 });
  for (const line of lines) assert.ok(widthEm(line) <= 10, line);
  assert.equal(lines.join('').replaceAll(' ', ''), `A${'X'.repeat(40)}B`);
});

test('an empty headline has no lines', () => {
  assert.deepEqual(headlineLines('   ', { maxWidthEm: 10, maxLines: 3 }), { lines: [], truncated: false });
});

test('Urdu letters are narrower than Latin capitals, and vowel marks take no room', () => {
  assert.ok(widthEm('پاکستان') < widthEm('PAKISTAN'));
  assert.equal(widthEm('بَ'), widthEm('ب'));
});
