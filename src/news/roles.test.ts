import assert from 'node:assert/strict';
import { test } from 'node:test';
import { can, isRole, ROLES } from './roles.js';

test('a writer writes but cannot publish; a moderator cannot edit articles', () => {
  assert.equal(can('writer', 'article.write'), true);
  assert.equal(can('writer', 'article.publish'), false);
  assert.equal(can('moderator', 'article.write'), false);
  assert.equal(can('moderator', 'comment.moderate'), true);
  assert.equal(can('market-feed', 'market.manage'), false);
  assert.equal(can('market-desk', 'market.manage'), true);
});

test('only an admin manages users; admin holds every permission another role has', () => {
  for (const role of ROLES) assert.equal(can(role, 'user.manage'), role === 'admin');
  const perms = ['article.write', 'article.publish', 'tag.manage', 'print.manage', 'comment.moderate'] as const;
  for (const permission of perms) assert.equal(can('admin', permission), true);
});

test('isRole accepts exactly the closed list', () => {
  assert.equal(isRole('editor'), true);
  assert.equal(isRole('Editor'), false);
  assert.equal(isRole('root'), false);
  assert.equal(isRole(undefined), false);
});
