import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { after, before, describe, test } from 'node:test';
import { DuplicateEmailError, LastAdminError } from '../../src/store/accounts/accounts.js';
import {
  type OpenStore,
  openTestStore,
  POSTGRES_URL,
  postgresBackend,
  postgresReachable,
  type StoreBackend,
  sqliteBackend,
} from '../store/storeBackends.js';

const T0 = new Date('2023-01-31T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const policy = { idleMs: 60_000, absoluteMs: 600_000 };
const HOUR = 60 * 60 * 1000;
const HASH_A = 'scrypt$2$1$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA';
const HASH_B = 'scrypt$2$1$1$BBBBBBBBBBBBBBBBBBBBBB$BBBBBBBBBBBBBBBBBBBBBB';

function linksSuite(makeBackend: () => Promise<StoreBackend> | StoreBackend, name: string): void {
  describe(`reset links, invitations, session lists and the last admin on ${name}`, () => {
    let backend: StoreBackend;
    before(async () => {
      backend = await makeBackend();
    });
    after(() => backend.dispose());

    async function fresh(t: TestContext): Promise<OpenStore> {
      const opened = await openTestStore(await backend.freshTarget());
      t.after(() => opened.close());
      return opened;
    }

    const person = (email: string, role: 'writer' | 'admin' = 'writer') => ({
      email,
      name: email.split('@')[0] ?? email,
      role,
      passwordHash: HASH_A,
      now: T0,
    });

    test('a reset link is stored hashed, works once before it expires, and ends every session', async (t) => {
      const { db, accounts } = await fresh(t);
      const amna = await accounts.create(person('amna@example.com'));
      const session = await accounts.createSession({ userId: amna.id, now: T0 });
      const issued = await accounts.createPasswordReset({
        userId: amna.id,
        now: T0,
        lifetimeMs: HOUR,
        createdBy: 'Zara',
      });
      assert.ok(issued);
      const secret = issued.token.split('.')[1] ?? '';
      const rows = await db.selectFrom('password_resets').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.ok(!JSON.stringify(rows).includes(secret), 'the secret itself is not stored');

      assert.equal((await accounts.checkPasswordReset({ token: issued.token, now: at(1) })).ok, true);
      const wrongSecret = `${issued.id}.${'x'.repeat(43)}`;
      for (const token of [wrongSecret, 'nonsense', `${issued.id + 1}.${secret}`, '']) {
        assert.deepEqual(await accounts.usePasswordReset({ token, passwordHash: HASH_B, now: at(1) }), {
          ok: false,
          problem: 'unknown',
        });
      }
      assert.deepEqual(await accounts.checkPasswordReset({ token: issued.token, now: at(HOUR) }), {
        ok: false,
        problem: 'expired',
      });
      assert.equal((await accounts.findByEmail('amna@example.com'))?.passwordHash, HASH_A, 'nothing changed yet');

      const used = await accounts.usePasswordReset({ token: issued.token, passwordHash: HASH_B, now: at(10) });
      assert.ok(used.ok);
      assert.equal(used.value.sessionsEnded, 1);
      assert.equal((await accounts.findByEmail('amna@example.com'))?.passwordHash, HASH_B);
      assert.equal(await accounts.resumeSession({ token: session.token, now: at(11), policy }), null);
      assert.deepEqual(await accounts.usePasswordReset({ token: issued.token, passwordHash: HASH_A, now: at(12) }), {
        ok: false,
        problem: 'used',
      });
      assert.equal((await accounts.findByEmail('amna@example.com'))?.passwordHash, HASH_B);
    });

    test('a newer reset link revokes the older; a disabled account’s link does not work', async (t) => {
      const { accounts } = await fresh(t);
      await accounts.create(person('boss@example.com', 'admin'));
      const bilal = await accounts.create(person('bilal@example.com'));
      const first = await accounts.createPasswordReset({ userId: bilal.id, now: T0, lifetimeMs: HOUR, createdBy: 'Z' });
      const second = await accounts.createPasswordReset({
        userId: bilal.id,
        now: at(1),
        lifetimeMs: HOUR,
        createdBy: 'Z',
      });
      assert.ok(first && second);
      assert.deepEqual(await accounts.checkPasswordReset({ token: first.token, now: at(2) }), {
        ok: false,
        problem: 'revoked',
      });
      assert.equal((await accounts.checkPasswordReset({ token: second.token, now: at(2) })).ok, true);
      assert.equal(await accounts.disable({ id: bilal.id, now: at(3) }), true);
      assert.deepEqual(await accounts.usePasswordReset({ token: second.token, passwordHash: HASH_B, now: at(4) }), {
        ok: false,
        problem: 'disabled',
      });
      assert.equal(
        await accounts.createPasswordReset({ userId: 999, now: T0, lifetimeMs: HOUR, createdBy: 'Z' }),
        null,
      );
    });

    test('an invitation makes the account once, with the invited role; revoke, expiry and a taken address', async (t) => {
      const { accounts } = await fresh(t);
      await accounts.create(person('taken@example.com'));
      await assert.rejects(
        accounts.createInvitation({
          email: 'TAKEN@example.com',
          role: 'editor',
          now: T0,
          lifetimeMs: HOUR,
          createdBy: 'Z',
        }),
        DuplicateEmailError,
      );
      const invite = await accounts.createInvitation({
        email: ' Sana@Example.com ',
        role: 'editor',
        now: T0,
        lifetimeMs: HOUR,
        createdBy: 'Zara',
      });
      assert.equal(invite.email, 'sana@example.com');
      assert.deepEqual(
        (await accounts.listPendingInvitations()).map((i) => [i.email, i.role, i.createdBy]),
        [['sana@example.com', 'editor', 'Zara']],
      );
      const check = await accounts.checkInvitation({ token: invite.token, now: at(1) });
      assert.ok(check.ok);
      assert.equal(check.value.role, 'editor');
      assert.deepEqual(
        await accounts.acceptInvitation({ token: invite.token, name: 'Sana', passwordHash: HASH_B, now: at(HOUR) }),
        { ok: false, problem: 'expired' },
      );
      const accepted = await accounts.acceptInvitation({
        token: invite.token,
        name: 'Sana Mir',
        passwordHash: HASH_B,
        now: at(5),
      });
      assert.ok(accepted.ok);
      assert.equal(accepted.value.role, 'editor');
      assert.equal((await accounts.findByEmail('sana@example.com'))?.passwordHash, HASH_B);
      assert.deepEqual(
        await accounts.acceptInvitation({ token: invite.token, name: 'Again', passwordHash: HASH_A, now: at(6) }),
        { ok: false, problem: 'used' },
      );
      assert.deepEqual(await accounts.listPendingInvitations(), []);

      const other = await accounts.createInvitation({
        email: 'o@example.com',
        role: 'writer',
        now: T0,
        lifetimeMs: HOUR,
        createdBy: 'Z',
      });
      assert.deepEqual(await accounts.revokeInvitation({ id: other.id, now: at(1) }), { email: 'o@example.com' });
      assert.equal(await accounts.revokeInvitation({ id: other.id, now: at(2) }), null);
      assert.deepEqual(
        await accounts.acceptInvitation({ token: other.token, name: 'O', passwordHash: HASH_A, now: at(3) }),
        { ok: false, problem: 'revoked' },
      );
      assert.equal(await accounts.findByEmail('o@example.com'), null);
    });

    test('links a month past their expiry are pruned, newer ones kept', async (t) => {
      const { accounts, db } = await fresh(t);
      const amna = await accounts.create(person('amna@example.com'));
      await accounts.createPasswordReset({ userId: amna.id, now: T0, lifetimeMs: HOUR, createdBy: 'Z' });
      await accounts.createInvitation({
        email: 'x@example.com',
        role: 'writer',
        now: T0,
        lifetimeMs: HOUR,
        createdBy: 'Z',
      });
      const month = 30 * 24 * HOUR;
      assert.equal(await accounts.pruneAccountLinks(at(HOUR + month - 1)), 0);
      assert.equal(await accounts.pruneAccountLinks(at(HOUR + month)), 2);
      assert.equal((await db.selectFrom('password_resets').select('id').execute()).length, 0);
      assert.equal((await db.selectFrom('invitations').select('id').execute()).length, 0);
    });

    test('sessions are listed with browser and address, and end one by one or all but this one', async (t) => {
      const { accounts } = await fresh(t);
      const amna = await accounts.create(person('amna@example.com'));
      const other = await accounts.create(person('other@example.com'));
      const here = await accounts.createSession({
        userId: amna.id,
        now: T0,
        userAgent: 'Firefox/120.0',
        address: '203.0.113.5',
      });
      const phone = await accounts.createSession({ userId: amna.id, now: at(1), userAgent: 'x'.repeat(1000) });
      const third = await accounts.createSession({ userId: amna.id, now: at(2) });
      const theirs = await accounts.createSession({ userId: other.id, now: T0 });
      const listed = await accounts.listSessions({ userId: amna.id, now: at(10), policy });
      assert.equal(listed.length, 3);
      const first = listed.find((s) => s.sessionId === here.sessionId);
      assert.equal(first?.userAgent, 'Firefox/120.0');
      assert.equal(first?.address, '203.0.113.5');
      assert.equal(listed.find((s) => s.sessionId === phone.sessionId)?.userAgent?.length, 300);
      assert.equal(
        await accounts.endSessionById({ userId: other.id, sessionId: phone.sessionId }),
        false,
        'not theirs',
      );
      assert.equal(await accounts.endSessionById({ userId: amna.id, sessionId: phone.sessionId }), true);
      assert.equal(await accounts.resumeSession({ token: phone.token, now: at(11), policy }), null);
      assert.equal(await accounts.endOtherSessions({ userId: amna.id, keepSessionId: here.sessionId }), 1);
      assert.equal(await accounts.resumeSession({ token: third.token, now: at(12), policy }), null);
      assert.ok(await accounts.resumeSession({ token: here.token, now: at(12), policy }));
      assert.ok(await accounts.resumeSession({ token: theirs.token, now: at(12), policy }));
      assert.deepEqual(await accounts.listSessions({ userId: amna.id, now: at(policy.idleMs + 100), policy }), []);
    });

    test('the last active admin cannot be demoted or disabled; enabling brings an account back', async (t) => {
      const { accounts } = await fresh(t);
      const zara = await accounts.create(person('zara@example.com', 'admin'));
      const yusuf = await accounts.create(person('yusuf@example.com', 'admin'));
      assert.equal(await accounts.setRole({ id: yusuf.id, role: 'editor', now: T0 }), 'admin');
      await assert.rejects(accounts.setRole({ id: zara.id, role: 'writer', now: T0 }), LastAdminError);
      await assert.rejects(accounts.disable({ id: zara.id, now: T0 }), LastAdminError);
      assert.equal((await accounts.get(zara.id))?.role, 'admin');
      assert.equal((await accounts.get(zara.id))?.disabledAt, null);
      assert.equal(await accounts.setRole({ id: zara.id, role: 'admin', now: T0 }), 'admin', 'admin to admin is fine');

      // A disabled admin does not count: making one active admin of two, then disabling, still guards the other.
      assert.equal(await accounts.setRole({ id: yusuf.id, role: 'admin', now: T0 }), 'editor');
      assert.equal(await accounts.disable({ id: yusuf.id, now: T0 }), true);
      await assert.rejects(accounts.disable({ id: zara.id, now: T0 }), LastAdminError);
      assert.equal(await accounts.enable({ id: yusuf.id }), true);
      assert.equal(await accounts.enable({ id: yusuf.id }), false, 'already enabled');
      assert.equal(await accounts.enable({ id: 999 }), false);
      assert.equal(await accounts.disable({ id: zara.id, now: T0 }), true, 'another admin is active again');
    });

    test('two admins demoting each other at once leave one admin', async (t) => {
      const { accounts } = await fresh(t);
      const a = await accounts.create(person('a@example.com', 'admin'));
      const b = await accounts.create(person('b@example.com', 'admin'));
      const results = await Promise.allSettled([
        accounts.setRole({ id: a.id, role: 'writer', now: T0 }),
        accounts.setRole({ id: b.id, role: 'writer', now: T0 }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(results));
      const rejected = results.find((r) => r.status === 'rejected');
      assert.ok(rejected?.status === 'rejected' && rejected.reason instanceof LastAdminError, String(rejected));
      const admins = (await accounts.list()).filter((account) => account.role === 'admin');
      assert.equal(admins.length, 1);
    });
  });
}

linksSuite(sqliteBackend, 'SQLite');

if (await postgresReachable('account links on PostgreSQL')) {
  linksSuite(() => postgresBackend(POSTGRES_URL), 'PostgreSQL');
}
