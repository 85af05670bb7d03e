import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serialiseJsonLd } from './jsonLd.js';

test('nothing in the data can close the script element, and parsing gives the data back', () => {
  const data = { headline: '</script><script>alert(1)</script> <!-- & \u2028', n: 3 };
  const text = serialiseJsonLd(data);
  assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(text), data);
});
