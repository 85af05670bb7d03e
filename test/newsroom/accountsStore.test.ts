import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { after, before, describe, test } from 'node:test';
import { DuplicateEmailError } from '../../src/store/accounts/accounts.js';
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
const policy = { idleMs: 1000, absoluteMs: 5000 };

function accountsSuite(makeBackend: () => Promise<StoreBackend> | StoreBackend, name: string): void {
  describe(`accounts, sessions and audit on ${name}`, () => {
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

    const newAccount = (email: string, role: 'writer' | 'admin' = 'writer') => ({
      email,
      name: 'Someone',
      role,
      passwordHash: 'scrypt$2$1$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA',
      now: T0,
    });

    test('addresses are unique whatever their case, and found in any case', async (t) => {
      const { db, accounts } = await fresh(t);
      const created = await accounts.create(newAccount('  Desk@Example.COM '));
      assert.equal(created.email, 'desk@example.com');
      assert.equal((await accounts.findByEmail('DESK@example.com'))?.id, created.id);
      await assert.rejects(accounts.create(newAccount('desk@EXAMPLE.com')), DuplicateEmailError);
      // The constraint itself holds too, for a writer that skips the check.
      await assert.rejects(
        db
          .insertInto('users')
          .values({ ...row('desk@example.com') })
          .execute(),
      );
      assert.equal((await accounts.list()).length, 1);
    });

    test('a password change keeps the named session and ends the account’s others only', async (t) => {
      const { accounts } = await fresh(t);
      const amna = await accounts.create(newAccount('amna@example.com'));
      const other = await accounts.create(newAccount('other@example.com'));
      const kept = await accounts.createSession({ userId: amna.id, now: T0 });
      const ended = await accounts.createSession({ userId: amna.id, now: T0 });
      const theirs = await accounts.createSession({ userId: other.id, now: T0 });
      const newHash = 'scrypt$2$1$1$BBBBBBBBBBBBBBBBBBBBBB$BBBBBBBBBBBBBBBBBBBBBB';
      assert.equal(
        await accounts.changePassword({ id: amna.id, passwordHash: newHash, keepSessionId: kept.sessionId }),
        true,
      );
      assert.equal((await accounts.findByEmail('amna@example.com'))?.passwordHash, newHash);
      assert.notEqual(await accounts.resumeSession({ token: kept.token, now: T0, policy }), null);
      assert.equal(await accounts.resumeSession({ token: ended.token, now: T0, policy }), null);
      assert.notEqual(await accounts.resumeSession({ token: theirs.token, now: T0, policy }), null);
      assert.equal(await accounts.changePassword({ id: 9999, passwordHash: newHash, keepSessionId: null }), false);
    });

    test('a session resumes until idle or absolute expiry, then is deleted', async (t) => {
      const { db, accounts } = await fresh(t);
      const account = await accounts.create(newAccount('a@example.com'));
      const issued = await accounts.createSession({ userId: account.id, now: T0 });
      const resumed = await accounts.resumeSession({ token: issued.token, now: at(900), policy });
      assert.equal(resumed?.account.id, account.id);
      assert.equal(await accounts.resumeSession({ token: 'not-a-token', now: at(900), policy }), null);
      // Idle: last seen at T0 (touches are at most once a minute), so 1000 ms later it is gone.
      assert.equal(await accounts.resumeSession({ token: issued.token, now: at(1000), policy }), null);
      assert.equal((await db.selectFrom('sessions').select('id').execute()).length, 0);

      const busy = await accounts.createSession({ userId: account.id, now: T0 });
      const lenient = { idleMs: 120_000, absoluteMs: 180_000 };
      assert.ok(await accounts.resumeSession({ token: busy.token, now: at(100_000), policy: lenient }));
      assert.ok(await accounts.resumeSession({ token: busy.token, now: at(179_999), policy: lenient }));
      assert.equal(await accounts.resumeSession({ token: busy.token, now: at(180_000), policy: lenient }), null);
    });

    test('ending all sessions, a role change and disabling each void every session', async (t) => {
      const { db, accounts } = await fresh(t);
      // Another active admin, so this account may be made admin and then disabled.
      await accounts.create(newAccount('boss@example.com', 'admin'));
      const account = await accounts.create(newAccount('b@example.com'));
      const live = async () => (await db.selectFrom('sessions').select('id').execute()).length;
      await accounts.createSession({ userId: account.id, now: T0 });
      await accounts.createSession({ userId: account.id, now: T0 });
      assert.equal(await accounts.endAllSessions({ userId: account.id, now: at(10) }), 2);
      const old = await accounts.createSession({ userId: account.id, now: at(5) });
      assert.equal(
        await accounts.resumeSession({ token: old.token, now: at(20), policy }),
        null,
        'older than valid_after',
      );

      const one = await accounts.createSession({ userId: account.id, now: at(20) });
      assert.equal(await accounts.setRole({ id: account.id, role: 'admin', now: at(30) }), 'writer');
      assert.equal(await accounts.resumeSession({ token: one.token, now: at(40), policy }), null);
      const two = await accounts.createSession({ userId: account.id, now: at(40) });
      assert.equal((await accounts.resumeSession({ token: two.token, now: at(50), policy }))?.account.role, 'admin');
      assert.equal(await accounts.disable({ id: account.id, now: at(60) }), true);
      assert.equal(await accounts.disable({ id: account.id, now: at(70) }), false);
      assert.equal(await live(), 0);
      const three = await accounts.createSession({ userId: account.id, now: at(80) });
      assert.equal(await accounts.resumeSession({ token: three.token, now: at(90), policy }), null, 'disabled');
      assert.equal(await accounts.setRole({ id: 999, role: 'admin', now: at(90) }), null);
    });

    test('endSession and purgeExpiredSessions remove rows', async (t) => {
      const { accounts } = await fresh(t);
      const account = await accounts.create(newAccount('c@example.com'));
      const a = await accounts.createSession({ userId: account.id, now: T0 });
      await accounts.createSession({ userId: account.id, now: at(4000) });
      await accounts.endSession(a.token);
      assert.equal(await accounts.resumeSession({ token: a.token, now: at(1), policy }), null);
      assert.equal(await accounts.purgeExpiredSessions({ now: at(4500), policy }), 0);
      assert.equal(await accounts.purgeExpiredSessions({ now: at(5000), policy }), 1);
    });

    test('audit entries read back newest first, with keyset paging and parsed details', async (t) => {
      const { accounts, audit } = await fresh(t);
      const account = await accounts.create(newAccount('d@example.com'));
      const actor = { kind: 'user', userId: account.id, email: account.email, name: 'D', role: 'writer' } as const;
      for (let i = 0; i < 5; i++) {
        await audit.record({
          at: at(i),
          actor,
          action: 'article.save',
          subject: { type: 'article', id: i },
          details: { i },
        });
      }
      await audit.record({ at: at(9), actor: { kind: 'system', name: 'cli' }, action: 'user.create' });
      const page = await audit.list({ limit: 3 });
      assert.deepEqual(
        page.map((e) => e.action),
        ['user.create', 'article.save', 'article.save'],
      );
      assert.deepEqual(page[0]?.actor, { kind: 'system', id: null, name: 'cli' });
      assert.equal(page[0]?.subject, null);
      assert.deepEqual(page[1]?.details, { i: 4 });
      assert.deepEqual(page[1]?.actor, { kind: 'user', id: account.id, name: 'D' });
      assert.deepEqual(page[1]?.subject, { type: 'article', id: '4' });
      const rest = await audit.list({ limit: 10, beforeId: page[2]?.id ?? 0 });
      assert.deepEqual(
        rest.map((e) => e.details.i),
        [2, 1, 0],
      );
      assert.equal(rest[0]?.at.getTime(), at(2).getTime());
    });
  });
}

function row(email: string) {
  return {
    email,
    name: 'x',
    role: 'writer',
    password_hash: 'x',
    created_at: T0.getTime(),
    disabled_at: null,
    sessions_valid_after: T0.getTime(),
  };
}

accountsSuite(sqliteBackend, 'SQLite');

if (await postgresReachable('accounts on PostgreSQL')) {
  accountsSuite(() => postgresBackend(POSTGRES_URL), 'PostgreSQL');
}
