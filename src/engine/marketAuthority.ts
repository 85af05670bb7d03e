import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Bus } from '../bus/bus.js';
import type { WireMarketEvent } from '../bus/marketReplication.js';
import type { Market } from '../market/book/market.js';
import type { MarketEvent } from '../market/book/marketEvent.js';
import type { EngineLeaseStore, EngineLeaseView } from '../store/market/engineLease.js';
import type { MarketLog } from '../store/market/marketLog.js';
import { type EngineSnapshot, type ForwardedRecord, fetchSnapshot, forwardRecord } from './engineClient.js';
import { MarketEngineUnavailableError } from './engineUnavailable.js';
import { MarketFollower } from './marketFollower.js';
import { createMarketRecorder, type MarketRecorder, type MarketRecorderOptions } from './marketRecorder.js';
import { eventOfWire, wireOf } from './marketWire.js';
import type { NodeRole } from './nodeRole.js';
import { loadSiteMarket, type SiteMarket } from './siteMarket.js';

/** What a node is doing for the market now, for logs and readiness. */
export interface AuthorityStatus {
  readonly role: NodeRole;
  /** `engine`: this node takes writes; `follower`: it forwards them; `promoting`: it is loading to take them. */
  readonly mode: 'engine' | 'promoting' | 'follower';
  /** The engine epoch this node's market follows (null: loaded from the database, no engine heard yet). */
  readonly epoch: number | null;
  readonly seq: number;
  /** Whether some engine holds the lease, as last seen. */
  readonly engineLive: boolean;
}

/**
 * The one way market writes are made, on every node: the engine records them
 * itself; any other node forwards them to the engine and answers once its own
 * copy has them. Implements the recorder's interface, so the push API, the
 * market desk and the importer do not know which node they run on.
 */
export interface MarketAuthority extends MarketRecorder {
  start(): void;
  status(): AuthorityStatus;
  /** The engine's side of a forwarded batch; throws NotTheEngineError on any other node. */
  recordForwarded(epoch: number, events: readonly WireMarketEvent[], now: Date | undefined): Promise<ForwardedRecord>;
  /** The engine's market now; null on any other node. */
  snapshot(): EngineSnapshot | null;
  /** Whether `token` is the secret this engine published with its lease. */
  acceptsSecret(token: string): boolean;
}

/** A forwarded batch reached a node that is not (or no longer) the engine at the epoch it was sent for. */
export class NotTheEngineError extends Error {
  constructor() {
    super('this node is not the market engine at that epoch');
    this.name = 'NotTheEngineError';
  }
}

/** SQLite's single process: it is the engine, always, with nothing to lease or follow. */
export function singleEngine(recorder: MarketRecorder): MarketAuthority {
  return {
    record: (events, options) => recorder.record(events, options),
    stop: () => recorder.stop(),
    start: () => undefined,
    status: () => ({ role: 'all', mode: 'engine', epoch: null, seq: 0, engineLive: true }),
    recordForwarded: () => Promise.reject(new NotTheEngineError()),
    snapshot: () => null,
    acceptsSecret: () => false,
  };
}

export interface AuthorityLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface LeasedAuthorityOptions {
  readonly role: NodeRole;
  readonly lease: EngineLeaseStore;
  /** The shared log, read by followers reloading from the database. */
  readonly log: MarketLog;
  /** A log that appends only while the lease is at `epoch`. */
  readonly fencedLog: (epoch: number) => MarketLog;
  /** The live market every page reads; restored, never replaced. */
  readonly market: Market;
  readonly site: SiteMarket;
  /** The market of a database without a checkpoint, and whether the engine keeps it as the first one (the demo). */
  readonly initial?: () => Market;
  readonly pinInitial: boolean;
  readonly bus: Bus;
  /** Where other nodes reach this one; resolves once it listens. */
  readonly advertisedUrl: Promise<string>;
  /** How long a lease lasts unrenewed; renewed five times as often. */
  readonly leaseMs: number;
  /** What only the engine runs beside its recorder (the demo's simulator); started on taking the lease. */
  readonly engineWork?: (recorder: MarketRecorder) => { stop(): void } | null;
  /** Told of each batch the engine's recorder commits (metrics). */
  readonly onCommitted?: MarketRecorderOptions['onCommitted'];
  /** Close each traded day at the next day's first change (a site without the simulator). */
  readonly rollOver?: MarketRecorderOptions['rollOver'];
  readonly logger: AuthorityLogger;
}

/** How long a forwarding node waits to hear its own write on the bus before it asks the engine for a snapshot. */
const CATCH_UP_MS = 2000;

interface Leading {
  readonly epoch: number;
  readonly recorder: MarketRecorder;
  work: { stop(): void } | null;
  seq: number;
  renewedAt: number;
}

/**
 * A node of a site on PostgreSQL (docs/adr/0006-market-authority.md): `all`
 * and `engine` nodes contend for the lease and the holder is the engine;
 * every other node (and every `web` node) follows it.
 */
export function leasedAuthority(options: LeasedAuthorityOptions): MarketAuthority {
  const { lease, market, bus, logger, leaseMs, role } = options;
  const holder = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  const canLead = role !== 'web';
  let mode: AuthorityStatus['mode'] = 'follower';
  let leading: Leading | null = null;
  let known: EngineLeaseView | null = null;
  let lagMark: number | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let ticking: Promise<void> | null = null;
  let stopped = false;

  const follower = new MarketFollower({
    market,
    bus,
    logger,
    following: () => mode === 'follower' && !stopped,
    sources: {
      async snapshot() {
        const current = await lease.read();
        known = current;
        if (current === null || !current.live || current.holder === holder || current.engineUrl === '') return null;
        return fetchSnapshot(current);
      },
      async stored() {
        // Never pinned here: only the engine writes the demo's first checkpoint.
        const loaded = await loadSiteMarket({
          log: options.log,
          site: options.site,
          ...(options.initial === undefined ? {} : { initial: options.initial }),
          pinInitial: false,
        });
        return loaded.market.exportState();
      },
    },
  });

  async function tick(): Promise<void> {
    if (leading !== null) await renew(leading);
    else if (mode === 'follower') await watch();
  }

  async function renew(current: Leading): Promise<void> {
    try {
      if (await lease.renew(holder, current.epoch, current.seq, leaseMs)) {
        current.renewedAt = Date.now();
        return;
      }
      await demote('another node holds the engine lease now', false);
    } catch (error) {
      // Measured on this clock from the last renewal that went through: the lease lapses on the database's soon after.
      if (Date.now() - current.renewedAt > leaseMs * 0.8) {
        logger.error({ err: error }, 'the engine lease could not be renewed');
        await demote('the engine lease could not be renewed', false);
      }
    }
  }

  async function watch(): Promise<void> {
    let current: EngineLeaseView | null;
    try {
      current = await lease.read();
    } catch (error) {
      logger.warn({ err: error }, 'the engine lease could not be read');
      return;
    }
    known = current;
    if (current === null || !current.live) {
      if (canLead) await promote();
      return;
    }
    if (current.holder === holder) {
      // Held by this node but not used (a promotion that failed half-way): let it go for another.
      await lease.release(holder, current.epoch).catch(() => undefined);
      return;
    }
    const { epoch, seq } = follower.position();
    if (epoch !== current.epoch) {
      lagMark = null;
      void follower.resync(`the engine is at epoch ${current.epoch}`);
      return;
    }
    // Behind what the engine published at a renewal a whole round ago: a batch was lost on the way.
    if (lagMark !== null && seq < lagMark) {
      lagMark = null;
      void follower.resync(`behind the engine's batch ${current.seq}`);
      return;
    }
    lagMark = seq < current.seq ? current.seq : null;
  }

  async function promote(): Promise<void> {
    const engineUrl = await options.advertisedUrl;
    const epoch = await lease.tryAcquire({ holder, engineUrl, secret, ttlMs: leaseMs });
    if (epoch === null || stopped) {
      if (epoch !== null) await lease.release(holder, epoch);
      return;
    }
    mode = 'promoting';
    try {
      // Every write of an earlier engine is now committed or fenced out, so the log is the whole market.
      const log = options.fencedLog(epoch);
      const loaded = await loadSiteMarket({
        log,
        site: options.site,
        ...(options.initial === undefined ? {} : { initial: options.initial }),
        pinInitial: options.pinInitial,
      });
      market.restoreState(loaded.market.exportState());
      const current: Leading = {
        epoch,
        seq: 0,
        renewedAt: Date.now(),
        work: null,
        recorder: createMarketRecorder({
          log,
          market,
          createMarket: options.site.createMarket,
          bus,
          onError: (error) => logger.error({ err: error }, 'market recorder failed a batch'),
          onReplicate: (events) => {
            current.seq += 1;
            bus.publish('market.events', { epoch, seq: current.seq, events: events.map(wireOf) });
          },
          ...(options.onCommitted === undefined ? {} : { onCommitted: options.onCommitted }),
          ...(options.rollOver === undefined ? {} : { rollOver: options.rollOver }),
        }),
      };
      leading = current;
      follower.becameEngine(epoch);
      mode = 'engine';
      current.work = options.engineWork?.(current.recorder) ?? null;
      bus.publish('market.changed', { version: market.version });
      logger.info(
        { epoch, engineUrl, checkpoint: loaded.checkpoint, replayed: loaded.replayed },
        'this node is the market engine',
      );
    } catch (error) {
      logger.error({ err: error, epoch }, 'taking the engine lease failed; letting it go');
      leading = null;
      mode = 'follower';
      follower.stoppedLeading();
      await lease.release(holder, epoch).catch(() => undefined);
    }
  }

  async function demote(reason: string, release: boolean): Promise<void> {
    const current = leading;
    if (current === null) return;
    leading = null;
    mode = 'follower';
    follower.stoppedLeading();
    current.work?.stop();
    // Whatever it still holds is refused by the fence; not awaited, as the database may be what is gone.
    current.recorder
      .stop()
      .catch((error: unknown) => logger.warn({ err: error }, 'engine recorder stopped with errors'));
    if (release) await lease.release(holder, current.epoch).catch(() => undefined);
    logger.warn({ reason, epoch: current.epoch }, 'this node is no longer the market engine');
    if (!stopped) void follower.resync(reason);
  }

  function unavailable(): MarketEngineUnavailableError {
    if (mode === 'promoting') return new MarketEngineUnavailableError('The market engine is starting.', 1);
    return new MarketEngineUnavailableError(
      'No market engine is running: one is being chosen. Send the request again shortly.',
      Math.max(1, Math.ceil(leaseMs / 1000)),
    );
  }

  return {
    async record(events: readonly MarketEvent[], recordOptions?: { readonly now?: Date }) {
      if (events.length === 0) return [];
      if (stopped) throw new MarketEngineUnavailableError('This node is stopping.', 1);
      const current = leading;
      if (current !== null) return current.recorder.record(events, recordOptions);
      const engine = known;
      if (
        mode !== 'follower' ||
        engine === null ||
        !engine.live ||
        engine.engineUrl === '' ||
        engine.holder === holder
      ) {
        throw unavailable();
      }
      const answer = await forwardRecord(engine, events.map(wireOf), recordOptions?.now);
      // Read your writes: the pages of this node show the change before the request is answered.
      await follower.catchUp(answer.epoch, answer.seq, CATCH_UP_MS);
      return answer.outcomes;
    },
    async recordForwarded(epoch, events, now) {
      const current = leading;
      if (current === null || current.epoch !== epoch) throw new NotTheEngineError();
      const outcomes = await current.recorder.record(events.map(eventOfWire), now === undefined ? {} : { now });
      return { epoch, seq: current.seq, outcomes };
    },
    snapshot() {
      const current = leading;
      if (current === null) return null;
      return { epoch: current.epoch, seq: current.seq, state: market.exportState() };
    },
    acceptsSecret(token) {
      const given = Buffer.from(token);
      const expected = Buffer.from(secret);
      return leading !== null && given.length === expected.length && timingSafeEqual(given, expected);
    },
    start() {
      if (timer !== null || stopped) return;
      follower.start();
      const every = Math.max(100, Math.floor(leaseMs / 5));
      const run = () => {
        if (ticking !== null || stopped) return;
        ticking = tick()
          .catch((error: unknown) => logger.error({ err: error }, 'market authority check failed'))
          .finally(() => {
            ticking = null;
          });
      };
      void options.advertisedUrl.then(run, () => undefined);
      timer = setInterval(run, every);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearInterval(timer);
      timer = null;
      follower.stop();
      await ticking;
      const current = leading;
      if (current === null) return;
      leading = null;
      mode = 'follower';
      current.work?.stop();
      await current.recorder.stop();
      await lease.release(holder, current.epoch).catch(() => undefined);
    },
    status() {
      const { epoch, seq } = follower.position();
      return {
        role,
        mode,
        epoch: leading?.epoch ?? epoch,
        seq: leading?.seq ?? seq,
        engineLive: leading !== null || known?.live === true,
      };
    },
  };
}
