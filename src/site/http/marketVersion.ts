import type { Bus } from '../../bus/bus.js';
import type { MarketReader } from '../../market/book/marketSnapshot.js';
import type { Service } from '../../shared/service.js';

/**
 * The newest market version this node knows of, which cached pages are
 * compared against: told by the bus, and checked once a second in case the
 * market is not wired to it.
 */
export class MarketVersion implements Service {
  readonly name = 'market version watch';
  private version: number;
  private unsubscribe: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly market: MarketReader,
    private readonly bus: Bus,
    private readonly checkEveryMs: number,
  ) {
    this.version = market.snapshot().version;
  }

  current(): number {
    return this.version;
  }

  start(): void {
    if (this.timer !== null) return;
    this.unsubscribe = this.bus.subscribe('market.changed', (message) => this.seen(message.version));
    this.timer = setInterval(() => this.seen(this.market.snapshot().version), this.checkEveryMs);
    this.timer.unref();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private seen(version: number): void {
    this.version = Math.max(this.version, version);
  }
}
