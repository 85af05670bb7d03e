import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeNext } from './safeNext.js';

test('only newsroom paths are kept', () => {
  assert.equal(safeNext('/admin'), '/admin');
  assert.equal(safeNext('/admin/audit?before=9'), '/admin/audit?before=9');
  for (const bad of [
    'https://evil.example/admin',
    '//evil.example',
    '/admin//evil',
    '/administrator',
    '/\\evil',
    '/admin\\evil',
    '/admin\tx',
    '/',
    7,
  ]) {
    assert.equal(safeNext(bad), null, String(bad));
  }
});
