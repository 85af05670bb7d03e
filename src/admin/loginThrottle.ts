/** How many failed logins a key may have within a window before further attempts are refused. */
export interface LoginThrottlePolicy {
  readonly maxFailures: number;
  readonly windowMs: number;
}

/** Five wrong passwords in a quarter of an hour (OWASP Authentication Cheat Sheet: throttle per account and per source). */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60 * 1000 };

export type ThrottleDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

// Bounds memory however many addresses and names an attacker cycles through; the oldest keys go first.
const MAX_KEYS = 50_000;

/**
 * Failed-login counts per key (an address `ip:…`, an account `email:…`),
 * kept in this process. A sliding window: each failure counts for `windowMs`.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #policy: LoginThrottlePolicy;
  readonly #now: () => number;

  constructor(policy: LoginThrottlePolicy, now: () => number) {
    this.#policy = policy;
    this.#now = now;
  }

  /** Whether every key may try again now; when not, the longest wait among them. */
  check(keys: readonly string[]): ThrottleDecision {
    const now = this.#now();
    let waitMs = 0;
    for (const key of keys) {
      const recent = this.#recent(key, now);
      if (recent.length >= this.#policy.maxFailures) {
        const oldest = recent[recent.length - this.#policy.maxFailures] ?? now;
        waitMs = Math.max(waitMs, oldest + this.#policy.windowMs - now);
      }
    }
    return waitMs > 0
      ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
      : { allowed: true };
  }

  fail(keys: readonly string[]): void {
    const now = this.#now();
    for (const key of keys) {
      const recent = this.#recent(key, now);
      recent.push(now);
      // Only the newest maxFailures matter for the decision.
      if (recent.length > this.#policy.maxFailures) recent.splice(0, recent.length - this.#policy.maxFailures);
      this.#failures.delete(key);
      this.#failures.set(key, recent);
    }
    while (this.#failures.size > MAX_KEYS) {
      const oldestKey = this.#failures.keys().next().value;
      if (oldestKey === undefined) break;
      this.#failures.delete(oldestKey);
    }
  }

  /** Forgets a key's failures (an account after a correct password). */
  clear(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    const times = this.#failures.get(key) ?? [];
    return times.filter((at) => now - at < this.#policy.windowMs);
  }
}
