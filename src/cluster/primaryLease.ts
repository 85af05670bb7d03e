import type { EngineLeaseView, LeaseClaim } from '../store/market/engineLease.js';

interface Held extends LeaseClaim {
  readonly worker: number;
  readonly epoch: number;
  seq: number;
}

/**
 * The SQLite engine lease, held in the primary's memory. It lasts as long as
 * the worker holding it lives, not for a time: the primary hears of a
 * worker's death (`exit`) only once the process is gone, so an engine that
 * lost its lease can never append again, which is the fence a lease in
 * PostgreSQL needs `holdsEpoch` for. Epochs rise for the primary's life.
 */
export class PrimaryLease {
  private held: Held | null = null;
  private epoch = 0;

  read(): EngineLeaseView | null {
    const held = this.held;
    if (held === null) {
      return this.epoch === 0
        ? null
        : { holder: '', epoch: this.epoch, engineUrl: '', secret: '', seq: 0, live: false };
    }
    return {
      holder: held.holder,
      epoch: held.epoch,
      engineUrl: held.engineUrl,
      secret: held.secret,
      seq: held.seq,
      live: true,
    };
  }

  tryAcquire(worker: number, claim: LeaseClaim): number | null {
    if (this.held !== null) return null;
    this.epoch += 1;
    this.held = { ...claim, worker, epoch: this.epoch, seq: 0 };
    return this.epoch;
  }

  renew(holder: string, epoch: number, seq: number): boolean {
    const held = this.held;
    if (held === null || held.holder !== holder || held.epoch !== epoch) return false;
    held.seq = seq;
    return true;
  }

  release(holder: string, epoch: number): void {
    if (this.held?.holder === holder && this.held.epoch === epoch) this.held = null;
  }

  /** The worker exited: whatever it held is free at once, so another worker takes over within a check. */
  workerGone(worker: number): boolean {
    if (this.held?.worker !== worker) return false;
    this.held = null;
    return true;
  }
}
