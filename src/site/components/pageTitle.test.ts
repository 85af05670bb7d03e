import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageTitle } from './pageTitle.js';

test('the brand is added once, never twice', () => {
  assert.equal(pageTitle('Rupee firms', 'Broadsheet'), 'Rupee firms | Broadsheet');
  assert.equal(pageTitle('Rupee firms | Broadsheet', 'Broadsheet'), 'Rupee firms | Broadsheet');
  assert.equal(pageTitle('Rupee firms - broadsheet', 'Broadsheet'), 'Rupee firms - broadsheet');
  assert.equal(pageTitle('Rupee firms — Broadsheet ', 'Broadsheet'), 'Rupee firms — Broadsheet');
  assert.equal(pageTitle('Broadsheet', 'Broadsheet'), 'Broadsheet');
  // A word that merely ends like the brand is a title of its own.
  assert.equal(pageTitle('Why we read the broadsheet', 'Broadsheet'), 'Why we read the broadsheet | Broadsheet');
});
