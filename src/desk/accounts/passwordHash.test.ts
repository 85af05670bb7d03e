import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, passwordProblem, verifyPassword } from './passwordHash.js';

test('a hash verifies its own password and no other', async () => {
  const stored = await hashPassword('correct horse battery');
  assert.match(stored, /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
  assert.equal(await verifyPassword('correct horse battery', stored), true);
  assert.equal(await verifyPassword('correct horse batterY', stored), false);
  assert.equal(await verifyPassword('', stored), false);
});

test('two hashes of one password differ (fresh salt each time)', async () => {
  const params = { N: 1024, r: 8, p: 1 };
  const [a, b] = await Promise.all([hashPassword('same password!', params), hashPassword('same password!', params)]);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('same password!', a), true);
  assert.equal(await verifyPassword('same password!', b), true);
});

test('parameters travel with the hash, so a cheaper old hash still verifies', async () => {
  const stored = await hashPassword('an older password', { N: 2048, r: 4, p: 2 });
  assert.match(stored, /^scrypt\$2048\$4\$2\$/);
  assert.equal(await verifyPassword('an older password', stored), true);
});

test('an unreadable stored hash never matches and never throws', async () => {
  for (const stored of ['', 'plain', 'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAA', 'bcrypt$x']) {
    assert.equal(await verifyPassword('whatever it is', stored), false, stored);
  }
});

test('passwords shorter than 12 characters are refused', () => {
  assert.match(passwordProblem('elevenchars') ?? '', /at least 12/);
  assert.equal(passwordProblem('twelve chars'), null);
});
