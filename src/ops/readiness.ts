/** One check's answer: whether it passes, and a word for operators (`up`, `connected`, `degraded`, `held`…). */
export interface ReadinessReport {
  readonly ok: boolean;
  readonly status: string;
}

/** Asked on every `/readyz`; a throw or an answer slower than the timeout counts as failing. */
export type ReadinessCheck = () => ReadinessReport | Promise<ReadinessReport>;

export interface ReadinessAnswer {
  readonly ready: boolean;
  readonly status: 'ready' | 'unready' | 'draining';
  /** Every check by name, with how long it took in ms. */
  readonly checks: Readonly<Record<string, ReadinessReport & { readonly ms: number }>>;
  /** The names of the failing checks. */
  readonly failing: readonly string[];
}

export interface ReadinessOptions {
  /** A check that has not answered within this long fails as `timeout` (default 2000 ms). */
  readonly timeoutMs?: number;
  /** Told when a check starts or stops failing (not on every probe), with the error when it threw. */
  readonly onChange?: (name: string, report: ReadinessReport, error?: unknown) => void;
}

/**
 * Whether this process should be sent traffic: every registered check passes
 * (the database answers, the bus is connected, the engine lease is reachable
 * — each part registers its own) and it is not draining. Probes that arrive
 * while a round of checks is under way share that round, so a flood of
 * `/readyz` costs one database query at a time.
 */
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private readonly failing = new Set<string>();
  private readonly timeoutMs: number;
  private draining = false;
  private round: Promise<ReadinessAnswer> | null = null;

  constructor(private readonly options: ReadinessOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 2000;
  }

  /** Adds a check under a name of its own; returns the function that removes it. */
  register(name: string, check: ReadinessCheck): () => void {
    if (this.checks.has(name)) throw new Error(`a readiness check named "${name}" is already registered`);
    this.checks.set(name, check);
    return () => {
      if (this.checks.get(name) === check) this.checks.delete(name);
    };
  }

  /** From now on the process answers not ready, whatever the checks say: it is shutting down. */
  beginDrain(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  evaluate(): Promise<ReadinessAnswer> {
    if (this.draining) {
      return Promise.resolve({
        ready: false,
        status: 'draining',
        checks: { draining: { ok: false, status: 'shutting down', ms: 0 } },
        failing: ['draining'],
      });
    }
    this.round ??= this.runChecks().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async runChecks(): Promise<ReadinessAnswer> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await this.timed(name, check)] as const),
    );
    const checks = Object.fromEntries(entries);
    const failing = entries.filter(([, report]) => !report.ok).map(([name]) => name);
    // Drain may have begun while the checks ran.
    if (this.draining) return this.evaluate();
    return { ready: failing.length === 0, status: failing.length === 0 ? 'ready' : 'unready', checks, failing };
  }

  private async timed(name: string, check: ReadinessCheck): Promise<ReadinessReport & { ms: number }> {
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let report: ReadinessReport;
    let failure: unknown;
    try {
      const timeout = new Promise<ReadinessReport>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, status: 'timeout' }), this.timeoutMs);
      });
      report = await Promise.race([Promise.resolve().then(check), timeout]);
    } catch (error) {
      failure = error;
      report = { ok: false, status: 'unreachable' };
    } finally {
      clearTimeout(timer);
    }
    this.noteChange(name, report, failure);
    return { ok: report.ok, status: report.status, ms: Math.round(performance.now() - started) };
  }

  private noteChange(name: string, report: ReadinessReport, error: unknown): void {
    const wasFailing = this.failing.has(name);
    if (report.ok === !wasFailing) return;
    if (report.ok) this.failing.delete(name);
    else this.failing.add(name);
    this.options.onChange?.(name, report, error);
  }
}
