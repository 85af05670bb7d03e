import type { Bus } from '../bus/bus.js';
import type { MarketBatch } from '../bus/marketReplication.js';
import type { Market } from '../market/book/market.js';
import { applyMarketEvent, changedMarket } from '../market/book/marketEvent.js';
import type { MarketState } from '../market/book/marketState.js';
import type { EngineSnapshot } from './engineClient.js';
import { eventOfWire } from './marketWire.js';

/** Where a follower starts again from: the engine's snapshot, or the database when no engine answers. */
export interface FollowerSources {
  /** The live engine's snapshot, or null when no engine holds the lease (or this node is to lead). */
  snapshot(): Promise<EngineSnapshot | null>;
  /** The market as the log left it: the latest checkpoint and every event after it. */
  stored(): Promise<MarketState>;
}

export interface FollowerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface MarketFollowerOptions {
  readonly market: Market;
  readonly bus: Bus;
  readonly sources: FollowerSources;
  readonly logger: FollowerLogger;
  /** Whether this node follows now (false while it is the engine or becoming it). */
  readonly following: () => boolean;
}

/**
 * A node's copy of the engine's market (docs/adr/0006-market-authority.md):
 * the engine's committed batches from the bus, applied in sequence; on a gap,
 * another epoch, a batch the copy would not take, or when asked, the engine's
 * snapshot instead (or the database's market while no engine answers).
 */
export class MarketFollower {
  /** The engine epoch and batch the copy is true at; epoch null: loaded from the database, no engine's yet. */
  private epoch: number | null = null;
  private seq = 0;
  private resyncing: Promise<void> | null = null;
  private readonly pending: MarketBatch[] = [];
  private readonly waiters = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly options: MarketFollowerOptions) {}

  /** Listens for the engine's batches. */
  start(): void {
    this.unsubscribe ??= this.options.bus.subscribe('market.events', (batch) => this.heard(batch));
  }

  /** The epoch and sequence the copy is true at. */
  position(): { readonly epoch: number | null; readonly seq: number } {
    return { epoch: this.epoch, seq: this.seq };
  }

  /** This node became the engine at `epoch` and its market is the engine's own: later batches are its own. */
  becameEngine(epoch: number): void {
    this.epoch = epoch;
    this.seq = 0;
    this.pending.length = 0;
  }

  /** This node stopped being the engine: its market is no one's until the next resync. */
  stoppedLeading(): void {
    this.epoch = null;
    this.seq = 0;
  }

  /** Whether the copy is at `epoch` and has at least batch `seq`. */
  has(epoch: number, seq: number): boolean {
    return this.epoch === epoch && this.seq >= seq;
  }

  /** Resolves once the copy has batch `seq` of `epoch`, or after `timeoutMs` (then a resync is started and awaited). */
  async catchUp(epoch: number, seq: number, timeoutMs: number): Promise<void> {
    if (this.has(epoch, seq)) return;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (!this.has(epoch, seq)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve();
      }, timeoutMs);
      this.waiters.add(check);
    });
    if (this.has(epoch, seq)) return;
    await this.resync('a forwarded write was not heard on the bus');
  }

  /** Starts a resync unless one runs; resolves when the copy is fresh (or the attempt failed, which is logged). */
  resync(reason: string): Promise<void> {
    if (!this.options.following()) return Promise.resolve();
    this.resyncing ??= this.reload(reason)
      .catch((error: unknown) => this.options.logger.warn({ err: error, reason }, 'market resync failed'))
      .finally(() => {
        this.resyncing = null;
        this.drain();
      });
    return this.resyncing;
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const wake of [...this.waiters]) wake();
  }

  private heard(batch: MarketBatch): void {
    if (!this.options.following()) return;
    if (this.resyncing !== null) {
      this.pending.push(batch);
      return;
    }
    this.apply(batch);
  }

  private apply(batch: MarketBatch): void {
    if (batch.epoch !== this.epoch) {
      this.pending.push(batch);
      void this.resync(`a batch of engine epoch ${batch.epoch}`);
      return;
    }
    if (batch.seq <= this.seq) return;
    if (batch.seq !== this.seq + 1) {
      this.pending.push(batch);
      void this.resync(`batch ${batch.seq} after ${this.seq}`);
      return;
    }
    const { market } = this.options;
    let refused: string | null = null;
    for (const wire of batch.events) {
      try {
        const outcome = applyMarketEvent(market, eventOfWire(wire));
        if (!changedMarket(outcome)) refused ??= wire.kind;
      } catch (error) {
        refused ??= `${wire.kind} (${error instanceof Error ? error.message : String(error)})`;
      }
    }
    this.seq = batch.seq;
    this.changed();
    if (refused !== null) void this.resync(`the copy refused a ${refused} the engine took`);
  }

  private async reload(reason: string): Promise<void> {
    const { market, sources, logger } = this.options;
    const snapshot = await sources.snapshot();
    if (!this.options.following()) return;
    if (snapshot !== null) {
      market.restoreState(snapshot.state);
      this.epoch = snapshot.epoch;
      this.seq = snapshot.seq;
      logger.info({ reason, epoch: snapshot.epoch, seq: snapshot.seq }, "market resynced from the engine's snapshot");
    } else {
      const state = await sources.stored();
      if (!this.options.following()) return;
      market.restoreState(state);
      this.epoch = null;
      this.seq = 0;
      // Batches of an engine that no longer holds the lease are in the log just read, or were never committed.
      this.pending.length = 0;
      logger.info({ reason }, 'market reloaded from the database (no engine holds the lease)');
    }
    this.changed();
  }

  /** Batches heard during a resync, in order; those the snapshot already holds are skipped by `apply`. */
  private drain(): void {
    const batches = this.pending.splice(0).sort((a, b) => a.epoch - b.epoch || a.seq - b.seq);
    for (const batch of batches) {
      if (this.resyncing !== null) this.pending.push(batch);
      else if (batch.epoch >= (this.epoch ?? 0)) this.apply(batch);
    }
  }

  private changed(): void {
    this.options.bus.publish('market.changed', { version: this.options.market.version });
    for (const wake of [...this.waiters]) wake();
  }
}
