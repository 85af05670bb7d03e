import assert from 'node:assert/strict';
import { createAccount } from '../../src/store/accounts/accounts.js';
import {
  DEVICE_LIFETIME_MS,
  findLoginDevice,
  issueLoginDevice,
  pruneLoginDevices,
  touchLoginDevice,
} from '../../src/store/accounts/loginDevices.js';
import {
  clearLoginFailures,
  pruneLoginFailures,
  readLoginFailures,
  recordLoginFailure,
} from '../../src/store/accounts/loginFailures.js';
import { onBothEngines } from './moderationStoreBackends.js';

const T0 = new Date('2023-01-31T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const DAY = 24 * 60 * 60 * 1000;

await onBothEngines(
  'sign-in failures: counted per key, at once from several writers, forgotten and pruned',
  async (opened) => {
    const db = opened.db;
    const keys = ['account:ed@example.com', 'address:192.0.2.1'];
    // Five failures at the same moment, as from five processes: none is lost.
    await Promise.all([1, 2, 3, 4, 5].map(() => recordLoginFailure(db, { keys, now: at(0), forgetAfterMs: DAY })));
    await recordLoginFailure(db, { keys: ['account:ed@example.com'], now: at(10), forgetAfterMs: DAY });
    const counts = await readLoginFailures(db, [...keys, 'account:nobody@example.com']);
    assert.deepEqual(Object.fromEntries(counts), {
      'account:ed@example.com': { failures: 6, lastFailureAt: at(10).getTime() },
      'address:192.0.2.1': { failures: 5, lastFailureAt: at(0).getTime() },
    });

    // A day after its last failure a key starts again at one.
    await recordLoginFailure(db, { keys: ['address:192.0.2.1'], now: at(DAY), forgetAfterMs: DAY });
    assert.equal((await readLoginFailures(db, ['address:192.0.2.1'])).get('address:192.0.2.1')?.failures, 1);

    await clearLoginFailures(db, ['account:ed@example.com']);
    assert.equal((await readLoginFailures(db, keys)).has('account:ed@example.com'), false);

    await recordLoginFailure(db, { keys: ['account:old@example.com'], now: at(0), forgetAfterMs: DAY });
    assert.equal(await pruneLoginFailures(db, { now: at(DAY + 5), forgetAfterMs: DAY }), 1);
    assert.deepEqual(
      [...(await readLoginFailures(db, ['account:old@example.com', 'address:192.0.2.1'])).keys()],
      ['address:192.0.2.1'],
    );
  },
);

await onBothEngines(
  'sign-in devices: found by their token, for their account, until unused too long',
  async (opened) => {
    const db = opened.db;
    const account = await createAccount(db, {
      email: 'ed@example.com',
      name: 'Ed',
      role: 'editor',
      passwordHash: 'scrypt$2$1$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA',
      now: T0,
    });
    const { token, device } = await issueLoginDevice(db, { userId: account.id, now: T0 });
    assert.notEqual(device.id, token, 'only a hash is stored');
    assert.deepEqual(await findLoginDevice(db, { token, now: at(1000) }), device);
    assert.equal(await findLoginDevice(db, { token: 'made-up', now: at(1000) }), null);
    assert.equal(await findLoginDevice(db, { token, now: at(DEVICE_LIFETIME_MS) }), null, 'unused too long');

    await touchLoginDevice(db, { id: device.id, now: at(DAY) });
    assert.deepEqual(await findLoginDevice(db, { token, now: at(DEVICE_LIFETIME_MS) }), device, 'a use renews it');
    assert.equal(await pruneLoginDevices(db, at(DEVICE_LIFETIME_MS)), 0);
    assert.equal(await pruneLoginDevices(db, at(DAY + DEVICE_LIFETIME_MS)), 1);
  },
);
