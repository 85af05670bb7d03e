import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeaturedImage } from './featuredImage.js';

test('an empty or "none" picture means the story has none', () => {
  for (const mediaId of ['', 'none', undefined]) {
    assert.deepEqual(parseFeaturedImage({ mediaId, caption: 'x', credit: 'y', focus: 'top' }), {
      ok: true,
      value: null,
    });
  }
});

test('a picture is read with trimmed words and the centre as the default focal point', () => {
  assert.deepEqual(
    parseFeaturedImage({ mediaId: ' 12 ', caption: '  Dawn \n over the port ', credit: '', focus: '' }),
    {
      ok: true,
      value: { mediaId: 12, caption: 'Dawn over the port', credit: null, focus: 'center' },
    },
  );
});

test('bad ids, focal points and over-long words are refused, each with its field', () => {
  const refused = parseFeaturedImage({ mediaId: '1e3', caption: 'c'.repeat(601), credit: 'x', focus: 'middle' });
  assert.equal(refused.ok, false);
  assert.deepEqual(refused.ok ? [] : refused.errors.map((error) => error.field).sort(), [
    'featuredCaption',
    'featuredFocus',
    'featuredMediaId',
  ]);
});
