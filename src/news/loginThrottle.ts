/**
 * How failed sign-ins slow further tries (OWASP Authentication Cheat Sheet:
 * throttle per account and per source, with growing delays, without letting
 * an attacker lock the owner out). The counts live in the store
 * (src/store/accounts/loginFailures.ts); the rule is here.
 *
 * The rule: a sign-in from a browser holding a device cookie the account got
 * at an earlier successful sign-in is throttled only by that device's own
 * failures. Any other sign-in is throttled by the failures of the account it
 * names and of the address it comes from. After `freeFailures` failures of a
 * key (`freeFailuresPerAddress` for an address, which a whole office may
 * share), each try waits `firstDelayMs`, doubling with every further failure
 * up to `maxDelayMs`; a key's count is forgotten `forgetAfterMs` after its
 * last failure. Tries refused for waiting are not counted.
 */
export interface LoginThrottlePolicy {
  readonly freeFailures: number;
  readonly freeFailuresPerAddress: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  readonly forgetAfterMs: number;
}

/** Three free tries (ten from one address), then 1 s, 2 s, 4 s … at most a quarter of an hour; counts forgotten after a quiet day. */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  freeFailures: 3,
  freeFailuresPerAddress: 10,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  forgetAfterMs: 24 * 60 * 60 * 1000,
};

const ADDRESS_PREFIX = 'address:';

/** A key's recent failures as stored. */
export interface FailureCount {
  readonly failures: number;
  readonly lastFailureAt: number;
}

/** Who a sign-in attempt is throttled as: a known device alone, or the account and the address. */
export type ThrottleSubject =
  | { readonly kind: 'device'; readonly deviceId: string }
  | { readonly kind: 'stranger'; readonly email: string; readonly address: string };

export function throttleKeys(subject: ThrottleSubject): string[] {
  switch (subject.kind) {
    case 'device':
      return [`device:${subject.deviceId}`];
    case 'stranger':
      return [`account:${subject.email}`, `${ADDRESS_PREFIX}${addressKey(subject.address)}`];
  }
}

/** How long `key` must wait after `failures` failures (0: it may try now). */
export function delayAfter(key: string, failures: number, policy: LoginThrottlePolicy): number {
  const free = key.startsWith(ADDRESS_PREFIX) ? policy.freeFailuresPerAddress : policy.freeFailures;
  const over = failures - free;
  if (over < 0) return 0;
  // 2^over overflows to Infinity long after the cap applies; min keeps it finite.
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** over);
}

/** Milliseconds until every key may try again, 0 when they may now. */
export function waitBeforeTry(
  counts: ReadonlyMap<string, FailureCount>,
  input: { readonly now: number; readonly policy: LoginThrottlePolicy },
): number {
  let wait = 0;
  for (const [key, count] of counts) {
    if (input.now - count.lastFailureAt >= input.policy.forgetAfterMs) continue;
    wait = Math.max(wait, count.lastFailureAt + delayAfter(key, count.failures, input.policy) - input.now);
  }
  return wait;
}

/** Keys whose failures a success does not clear: one good account must not reset a guesser's address. */
export function isAddressKey(key: string): boolean {
  return key.startsWith(ADDRESS_PREFIX);
}

/**
 * The address a failure is counted against. An IPv6 client usually holds a
 * whole /64 and can pick any address in it, so the /64 is the unit there.
 */
export function addressKey(address: string): string {
  if (!address.includes(':') || address.toLowerCase().startsWith('::ffff:')) return address;
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = address.includes('::') && tail !== '' ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = address.includes('::') ? [...headGroups, ...Array(missing).fill('0'), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
