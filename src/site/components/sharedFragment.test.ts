import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { piecedText } from '../../http/piecedBody.js';
import { renderDocument } from './renderDocument.js';
import { drawFragment, fragmentHtml, renderPieced, SharedFragment } from './sharedFragment.js';

const strip = drawFragment(h('ul', null, h('li', null, 'KSE100 ▲ 801.8')));
const box = drawFragment(h('table', null, h('tr', null, h('td', null, 'USD/PKR'))));

// The parent reads the strip's HTML before the child's body reads the box's: calls out of document order.
function Box() {
  return h('aside', { dangerouslySetInnerHTML: { __html: fragmentHtml(box) } });
}
function Page(props: { readonly text: string }) {
  return h(
    'html',
    null,
    h(
      'body',
      null,
      h('header', { dangerouslySetInnerHTML: { __html: fragmentHtml(strip) } }),
      h('p', null, props.text),
      h(Box, null),
    ),
  );
}

test('a page rendered in pieces is the page rendered whole, its fragments left as shared parts', () => {
  const page = h(Page, { text: 'A story <b>with</b> markup & "quotes"' });
  const pieced = renderPieced(page);
  assert.equal(piecedText(pieced), renderDocument(page));
  const shared = pieced.parts.filter((part) => typeof part !== 'string');
  assert.deepEqual(shared, [strip, box], 'each fragment in its place in the text, once');
});

test('text that imitates a marker stays text', () => {
  const page = h(Page, { text: '<\u00000\u0000> <\u00001\u0000>' });
  const pieced = renderPieced(page);
  assert.equal(piecedText(pieced), renderDocument(page));
  assert.equal(pieced.parts.filter((part) => typeof part !== 'string').length, 2);
});

test('a fragment keeps its bytes, validator and compressed run for every page', () => {
  const fragment = new SharedFragment('<p>▲ 1.5%</p>');
  assert.equal(fragment.bytes.toString('utf8'), '<p>▲ 1.5%</p>');
  assert.equal(fragment.bytes, fragment.bytes);
  assert.equal(fragment.run(), fragment.run());
  assert.notEqual(new SharedFragment('<p>▼ 1.5%</p>').id, fragment.id);
  // Outside a pieced render a fragment is its HTML.
  assert.equal(fragmentHtml(fragment), '<p>▲ 1.5%</p>');
});
