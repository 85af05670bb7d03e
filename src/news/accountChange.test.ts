import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AccountChange, type AccountChangeTarget, accountChangeRefusal } from './accountChange.js';

const admin: AccountChangeTarget = { id: 1, email: 'boss@example.com', role: 'admin', disabled: false };
const writer: AccountChangeTarget = { id: 2, email: 'amna@example.com', role: 'writer', disabled: false };
const CHANGES: readonly AccountChange[] = [
  { kind: 'role', role: 'editor' },
  { kind: 'role', role: 'admin' },
  { kind: 'disable' },
  { kind: 'sign-out-everywhere' },
];

test('nobody changes their own role, disables or signs out their own account here, even with admins to spare', () => {
  for (const change of CHANGES) {
    const refused = accountChangeRefusal({ askerUserId: 1, target: admin, change, otherActiveAdmins: 5 });
    assert.equal(refused?.reason, 'malformed', change.kind);
    assert.equal(refused?.ok, false);
  }
  assert.match(
    accountChangeRefusal({
      askerUserId: 1,
      target: admin,
      change: { kind: 'role', role: 'writer' },
      otherActiveAdmins: 0,
    })?.title ?? '',
    /Not your own role/,
    'the own-account rule is told before the last-admin one',
  );
});

test('the last active admin is neither demoted nor disabled; anything else goes', () => {
  const lastAdmin = (change: AccountChange, target: AccountChangeTarget = admin, others = 0) =>
    accountChangeRefusal({ askerUserId: null, target, change, otherActiveAdmins: others });
  for (const change of [{ kind: 'role', role: 'editor' }, { kind: 'disable' }] as const) {
    const refused = lastAdmin(change);
    assert.equal(refused?.reason, 'conflict');
    assert.equal(refused?.message, 'boss@example.com is the last active admin: make another admin first.');
    assert.equal(lastAdmin(change, admin, 1), null, 'another admin is left');
    assert.equal(lastAdmin(change, { ...admin, disabled: true }), null, 'a disabled admin is no active admin');
    assert.equal(lastAdmin(change, writer), null);
  }
  assert.equal(lastAdmin({ kind: 'role', role: 'admin' }), null, 'staying admin removes none');
  assert.equal(lastAdmin({ kind: 'sign-out-everywhere' }), null, 'signing out removes none');
  assert.equal(
    accountChangeRefusal({ askerUserId: 1, target: writer, change: { kind: 'disable' }, otherActiveAdmins: 0 }),
    null,
  );
});
