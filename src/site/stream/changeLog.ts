/** What one step of the stream changed: the keys that moved between the previous recorded version and `version`. */
interface Step {
  readonly version: number;
  readonly at: number;
  readonly keys: readonly string[];
}

export interface ChangeLogLimits {
  /** Steps older than this are forgotten; a client away longer gets a full snapshot. */
  readonly maxAgeMs: number;
  /** A hard bound on the steps kept, whatever their age. */
  readonly maxSteps: number;
}

/**
 * A bounded ring of recent versions and the keys each changed, so a client
 * resuming with Last-Event-ID (WHATWG HTML §9.2 server-sent events) gets only
 * what moved while it was away.
 */
export class ChangeLog {
  private steps: Step[] = [];
  private head = 0;
  /** The version before the oldest kept step: the oldest a client can resume from. */
  private base: number;
  private latest: number;

  constructor(
    startVersion: number,
    private readonly limits: ChangeLogLimits,
  ) {
    this.base = startVersion;
    this.latest = startVersion;
  }

  get version(): number {
    return this.latest;
  }

  record(version: number, keys: readonly string[], at: number): void {
    if (version <= this.latest) throw new RangeError(`version ${version} is not after ${this.latest}`);
    this.steps.push({ version, at, keys });
    this.latest = version;
    this.prune(at);
  }

  /**
   * Keys changed after `version`, or null when the log cannot say: older than
   * it remembers, or newer than anything seen (another process's numbering,
   * e.g. after a restart). A version between two steps resolves to the one
   * before it, which can only add keys, never miss one.
   */
  changedSince(version: number): Set<string> | null {
    if (!Number.isSafeInteger(version) || version < this.base || version > this.latest) return null;
    const keys = new Set<string>();
    for (let i = this.steps.length - 1; i >= this.head; i--) {
      const step = this.steps[i];
      if (step === undefined || step.version <= version) break;
      for (const key of step.keys) keys.add(key);
    }
    return keys;
  }

  private prune(now: number): void {
    while (this.head < this.steps.length) {
      const oldest = this.steps[this.head];
      const kept = this.steps.length - this.head;
      if (oldest === undefined || (now - oldest.at <= this.limits.maxAgeMs && kept <= this.limits.maxSteps)) break;
      this.base = oldest.version;
      this.head += 1;
    }
    // Compact now and then rather than shifting the array on every step.
    if (this.head > 64 && this.head * 2 > this.steps.length) {
      this.steps = this.steps.slice(this.head);
      this.head = 0;
    }
  }
}
