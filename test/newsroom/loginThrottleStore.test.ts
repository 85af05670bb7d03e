import assert from 'node:assert/strict';
import { DEVICE_LIFETIME_MS } from '../../src/store/accounts/loginDevices.js';
import { onBothEngines } from './moderationStoreBackends.js';

const T0 = new Date('2023-01-31T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const DAY = 24 * 60 * 60 * 1000;

await onBothEngines(
  'sign-in failures: counted per key, at once from several writers, forgotten and pruned',
  async ({ accounts }) => {
    const keys = ['account:ed@example.com', 'address:192.0.2.1'];
    // Five failures at the same moment, as from five processes: none is lost.
    await Promise.all([1, 2, 3, 4, 5].map(() => accounts.recordLoginFailure({ keys, now: at(0), forgetAfterMs: DAY })));
    await accounts.recordLoginFailure({ keys: ['account:ed@example.com'], now: at(10), forgetAfterMs: DAY });
    const counts = await accounts.readLoginFailures([...keys, 'account:nobody@example.com']);
    assert.deepEqual(Object.fromEntries(counts), {
      'account:ed@example.com': { failures: 6, lastFailureAt: at(10).getTime() },
      'address:192.0.2.1': { failures: 5, lastFailureAt: at(0).getTime() },
    });

    // A day after its last failure a key starts again at one.
    await accounts.recordLoginFailure({ keys: ['address:192.0.2.1'], now: at(DAY), forgetAfterMs: DAY });
    assert.equal((await accounts.readLoginFailures(['address:192.0.2.1'])).get('address:192.0.2.1')?.failures, 1);

    await accounts.clearLoginFailures(['account:ed@example.com']);
    assert.equal((await accounts.readLoginFailures(keys)).has('account:ed@example.com'), false);

    await accounts.recordLoginFailure({ keys: ['account:old@example.com'], now: at(0), forgetAfterMs: DAY });
    assert.equal(await accounts.pruneLoginFailures({ now: at(DAY + 5), forgetAfterMs: DAY }), 1);
    assert.deepEqual(
      [...(await accounts.readLoginFailures(['account:old@example.com', 'address:192.0.2.1'])).keys()],
      ['address:192.0.2.1'],
    );
  },
);

await onBothEngines(
  'sign-in devices: found by their token, for their account, until unused too long',
  async ({ accounts }) => {
    const account = await accounts.create({
      email: 'ed@example.com',
      name: 'Ed',
      role: 'editor',
      passwordHash: 'scrypt$2$1$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA',
      now: T0,
    });
    const { token, device } = await accounts.issueLoginDevice({ userId: account.id, now: T0 });
    assert.notEqual(device.id, token, 'only a hash is stored');
    assert.deepEqual(await accounts.findLoginDevice({ token, now: at(1000) }), device);
    assert.equal(await accounts.findLoginDevice({ token: 'made-up', now: at(1000) }), null);
    assert.equal(await accounts.findLoginDevice({ token, now: at(DEVICE_LIFETIME_MS) }), null, 'unused too long');

    await accounts.touchLoginDevice({ id: device.id, now: at(DAY) });
    assert.deepEqual(await accounts.findLoginDevice({ token, now: at(DEVICE_LIFETIME_MS) }), device, 'a use renews it');
    assert.equal(await accounts.pruneLoginDevices(at(DEVICE_LIFETIME_MS)), 0);
    assert.equal(await accounts.pruneLoginDevices(at(DAY + DEVICE_LIFETIME_MS)), 1);
  },
);
