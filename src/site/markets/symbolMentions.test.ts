import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkSymbolMentions } from './symbolMentions.js';

const LISTED = new Set(['OGDC', 'KEL', 'HUBC', 'PPL', 'KEL-JAN']);

test('links the first whole-word mention of each listed symbol and keeps the text intact', () => {
  const linked = new Set<string>();
  const text = 'OGDC rose while HUBC fell; OGDC later gave back gains.';
  const segments = linkSymbolMentions(text, LISTED, linked);
  assert.deepEqual(segments, [
    { kind: 'symbol', text: 'OGDC', symbol: 'OGDC' },
    { kind: 'text', text: ' rose while ' },
    { kind: 'symbol', text: 'HUBC', symbol: 'HUBC' },
    { kind: 'text', text: ' fell; OGDC later gave back gains.' },
  ]);
  assert.equal(segments.map((segment) => segment.text).join(''), text);
  assert.deepEqual([...linked].sort(), ['HUBC', 'OGDC']);
});

test('a symbol already linked earlier in the article is not linked again', () => {
  const linked = new Set(['OGDC']);
  assert.deepEqual(linkSymbolMentions('OGDC and PPL.', LISTED, linked), [
    { kind: 'text', text: 'OGDC and ' },
    { kind: 'symbol', text: 'PPL', symbol: 'PPL' },
    { kind: 'text', text: '.' },
  ]);
});

test('only whole upper-case words count', () => {
  for (const text of ['hubc up', 'Hubc up', 'SKEL fell', 'KELS fell', 'KEL2 fell', 'ÄKEL', 'KEL_X', 'PPLs']) {
    assert.deepEqual(linkSymbolMentions(text, LISTED, new Set()), [{ kind: 'text', text }], text);
  }
  // A futures symbol is its own word, not a mention of the stock.
  assert.deepEqual(
    linkSymbolMentions('KEL-JAN traded', LISTED, new Set()).map((s) => s.kind),
    ['symbol', 'text'],
  );
  assert.deepEqual(linkSymbolMentions('(KEL)', LISTED, new Set())[1], { kind: 'symbol', text: 'KEL', symbol: 'KEL' });
});

test('text without symbols is one segment, and empty text none', () => {
  assert.deepEqual(linkSymbolMentions('Markets were quiet.', LISTED, new Set()), [
    { kind: 'text', text: 'Markets were quiet.' },
  ]);
  assert.deepEqual(linkSymbolMentions('', LISTED, new Set()), []);
});
