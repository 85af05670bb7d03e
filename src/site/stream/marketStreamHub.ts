import type { Bus } from '../../bus/bus.js';
import type { MarketReader } from '../../market/book/marketSnapshot.js';
import { ChangeLog } from './changeLog.js';
import { changedKeys, eventData, type StreamState, streamState } from './snapshotDiff.js';
import { eventFrame, HEARTBEAT_FRAME, retryFrame } from './sseFrames.js';
import type { StreamFilter } from './streamFilter.js';

/** How the stream paces itself and where it gives up on a slow reader. */
export interface StreamLimits {
  /**
   * The fallback check: one timer for every client that looks at the market's
   * version this often, for changes nobody announced on the bus (and heartbeats).
   */
  readonly tickMs: number;
  /**
   * A change announced on the bus is sent at once, but sends are at least this
   * far apart: a change inside the interval waits for its end, conflated with
   * whatever else moved meanwhile.
   */
  readonly minIntervalMs: number;
  readonly heartbeatMs: number;
  /** Sent as `retry:`; how long EventSource waits before reconnecting. */
  readonly retryMs: number;
  /** Above this many unsent bytes a client is skipped and catches up, conflated, once it drains. */
  readonly softPendingBytes: number;
  /** Above this many unsent bytes a client is dropped at once. */
  readonly hardPendingBytes: number;
  /** A client skipped for longer than this is dropped. */
  readonly maxBlockedMs: number;
  /** How far back Last-Event-ID can resume from; older gets a full snapshot. */
  readonly historyMs: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = {
  tickMs: 1000,
  minIntervalMs: 100,
  heartbeatMs: 15_000,
  retryMs: 3_000,
  softPendingBytes: 64 * 1024,
  hardPendingBytes: 1024 * 1024,
  maxBlockedMs: 30_000,
  historyMs: 120_000,
};

export type DropReason = 'overflow' | 'blocked';

/** What made the hub take in a new version: a change announced on the bus, or its own fallback check. */
export type SendCause = 'announced' | 'fallback';

/** Counters for `GET /api/v1/market/stream/stats` and the logs. */
export interface MarketStreamStats {
  readonly version: number;
  readonly clients: number;
  /** Clients not yet sent the current version: blocked, or with nothing new for their filter. */
  readonly lagging: number;
  readonly blocked: number;
  readonly connectionsTotal: number;
  /** Passes that took in a new version: after a bus announcement (throttled) or found by the fallback check. */
  readonly sends: Readonly<Record<SendCause, number>>;
  readonly dropped: Readonly<Record<DropReason, number>>;
  /** Largest unsent backlog of any client right now, and the largest seen since start. */
  readonly maxPendingBytes: number;
  readonly peakPendingBytes: number;
  /** Wall time of the last pass that sent a new version to everyone, from the market read to the last write; ms. */
  readonly lastSendPassMs: number;
  readonly limits: StreamLimits;
}

export interface MarketStreamHubOptions {
  readonly market: MarketReader;
  /** Where the market announces `market.changed`; without it the stream only sees changes on its fallback check. */
  readonly bus?: Bus;
  readonly limits?: Partial<StreamLimits>;
  readonly clock?: () => number;
  readonly onDrop?: (reason: DropReason, pendingBytes: number) => void;
}

/**
 * Where a client's events go: the raw socket of a stream taken over before
 * routing (`MarketStreamFastPath`), or a Fastify route's response. Both are
 * Node writables; the hub needs only this much of them.
 */
export interface StreamSink {
  write(chunk: Buffer): unknown;
  readonly writableLength: number;
  end(): unknown;
  destroy(): unknown;
  once(event: 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

interface Client {
  readonly res: StreamSink;
  readonly filter: StreamFilter;
  /** The version this client's screen reflects (for its filter). */
  version: number;
  /** When a send was first skipped because the socket was backed up; null while flowing. */
  blockedSince: number | null;
}

/** One filter's frames for the current version: its snapshot, and updates by the version a client starts from. */
interface FilterFrames {
  snapshot: Buffer | null;
  readonly updates: Map<number, Buffer>;
  /** Answers to a Last-Event-ID resume, sent even when empty. */
  readonly resumes: Map<number, Buffer>;
}

// Distinct frames kept per version; beyond this (many exotic filters) the cache starts again.
const MAX_CACHED_FRAMES = 10_000;
const NOTHING = Buffer.alloc(0);

/**
 * Fans the market out to every stream client of this process. A
 * `market.changed` on the bus (throttled to one send per minIntervalMs), or
 * else a slower fallback timer, compares the market's version; when it moved,
 * the changed entries are found once, and each distinct event (per filter and
 * starting version) is serialised once and the same Buffer written to every
 * client that needs it.
 */
export class MarketStreamHub {
  readonly limits: StreamLimits;
  private readonly market: MarketReader;
  private readonly clock: () => number;
  private readonly onDrop: (reason: DropReason, pendingBytes: number) => void;
  private readonly clients = new Set<Client>();
  private readonly retry: Buffer;
  private log: ChangeLog;
  private state: StreamState;
  /** Frames for the current version, per filter and starting point; looked up without building a key string. */
  private frames = new Map<string, FilterFrames>();
  private cachedFrames = 0;
  private readonly bus: Bus | null;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** The send waiting for the end of the minimum interval after an announced change. */
  private pending: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;
  /** When the hub last took in a new version (clock time); sends are at least minIntervalMs apart. */
  private lastAdvanceAt = Number.NEGATIVE_INFINITY;
  private readonly sends: Record<SendCause, number> = { announced: 0, fallback: 0 };
  private lastHeartbeat: number;
  /** Clients left behind by the last tick; while any are, ticks visit everyone even if the market is still. */
  private stragglers = 0;
  private connectionsTotal = 0;
  private peakPendingBytes = 0;
  private lastSendPassMs = 0;
  private readonly dropped: Record<DropReason, number> = { overflow: 0, blocked: 0 };

  constructor(options: MarketStreamHubOptions) {
    this.limits = { ...DEFAULT_STREAM_LIMITS, ...options.limits };
    this.market = options.market;
    this.bus = options.bus ?? null;
    this.clock = options.clock ?? Date.now;
    this.onDrop = options.onDrop ?? (() => undefined);
    this.retry = retryFrame(this.limits.retryMs);
    this.state = streamState(this.market.snapshot());
    this.log = this.newLog(this.state.version);
    this.lastHeartbeat = this.clock();
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => this.tick('fallback'), this.limits.tickMs);
    // The stream must never be what keeps the process alive.
    this.timer.unref();
    this.unsubscribe = this.bus?.subscribe('market.changed', () => this.announced()) ?? null;
  }

  /**
   * Adds a client whose response headers are already written. It gets the
   * `retry:` hint, then either everything its filter admits (`snapshot`) or,
   * when `lastEventId` is a version still remembered, one `update` with what
   * changed since (possibly nothing).
   */
  connect(res: StreamSink, filter: StreamFilter, lastEventId: number | null): void {
    const client: Client = { res, filter, version: this.state.version, blockedSince: null };
    this.clients.add(client);
    this.connectionsTotal += 1;
    res.once('close', () => this.clients.delete(client));
    // A reset connection surfaces as 'close' too; without a listener an 'error' would crash the process.
    res.on('error', () => undefined);
    res.write(this.retry);
    res.write(lastEventId === null ? this.snapshotFrame(filter) : this.frameFrom(filter, lastEventId, true));
  }

  /** Stops following the market and ends every stream. */
  close(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.endStreams();
  }

  /**
   * Ends every stream now; a backed-up one is cut rather than waited for, so
   * shutdown never hangs. The server does this before it stops listening: a
   * stream never finishes by itself, and closing waits for open connections.
   */
  endStreams(): void {
    for (const client of this.clients) {
      if (client.res.writableLength > 0) client.res.destroy();
      else client.res.end();
    }
    this.clients.clear();
  }

  stats(): MarketStreamStats {
    let lagging = 0;
    let blocked = 0;
    let maxPendingBytes = 0;
    for (const client of this.clients) {
      if (client.version !== this.state.version) lagging += 1;
      if (client.blockedSince !== null) blocked += 1;
      maxPendingBytes = Math.max(maxPendingBytes, client.res.writableLength);
    }
    return {
      version: this.state.version,
      clients: this.clients.size,
      lagging,
      blocked,
      connectionsTotal: this.connectionsTotal,
      sends: { ...this.sends },
      dropped: { ...this.dropped },
      maxPendingBytes,
      peakPendingBytes: Math.max(this.peakPendingBytes, maxPendingBytes),
      lastSendPassMs: this.lastSendPassMs,
      limits: this.limits,
    };
  }

  /** One pass over the clients; public so a test can drive it without waiting. */
  tick(cause: SendCause = 'fallback'): void {
    const passStarted = performance.now();
    const now = this.clock();
    const advanced = this.advance(now);
    if (advanced) {
      this.lastAdvanceAt = now;
      this.sends[cause] += 1;
    }
    const heartbeat = now - this.lastHeartbeat >= this.limits.heartbeatMs;
    if (heartbeat) this.lastHeartbeat = now;
    if (!advanced && !heartbeat && this.stragglers === 0) return;

    let stragglers = 0;
    for (const client of this.clients) {
      const behind = client.version !== this.state.version;
      if (!behind && !heartbeat && client.blockedSince === null) continue;
      const { res } = client;
      if (res.writableLength > this.limits.softPendingBytes) {
        client.blockedSince ??= now;
        if (now - client.blockedSince > this.limits.maxBlockedMs) this.drop(client, 'blocked');
        else stragglers += 1;
        continue;
      }
      client.blockedSince = null;
      if (behind) {
        const frame = this.frameFrom(client.filter, client.version, false);
        if (frame.length > 0) res.write(frame);
        client.version = this.state.version;
      } else if (heartbeat) {
        res.write(HEARTBEAT_FRAME);
      }
      const pending = res.writableLength;
      if (pending > this.peakPendingBytes) this.peakPendingBytes = pending;
      if (pending > this.limits.hardPendingBytes) this.drop(client, 'overflow');
    }
    this.stragglers = stragglers;
    if (advanced) this.lastSendPassMs = performance.now() - passStarted;
  }

  /**
   * A `market.changed` arrived: send soon, never sooner than minIntervalMs
   * after the last send. Announcements while a send waits join it. The send
   * runs on a timer, not inside `publish`, so the publisher (the recorder
   * acknowledging a commit) never waits for the fan-out.
   */
  private announced(): void {
    if (this.pending !== null || this.timer === null) return;
    const wait = Math.max(0, this.lastAdvanceAt + this.limits.minIntervalMs - this.clock());
    this.pending = setTimeout(() => {
      this.pending = null;
      this.tick('announced');
    }, wait);
    this.pending.unref();
  }

  /** Takes the market's current state; true when it moved since the last tick. */
  private advance(now: number): boolean {
    const snapshot = this.market.snapshot();
    if (snapshot.version === this.state.version) return false;
    const next = streamState(snapshot);
    // A version that went backwards is another market (a restart behind the bus): nothing resumes across it,
    // and every client, now "ahead" of the log, is sent a snapshot.
    if (next.version < this.state.version) this.log = this.newLog(next.version);
    else this.log.record(next.version, changedKeys(this.state, next), now);
    this.state = next;
    this.frames = new Map();
    this.cachedFrames = 0;
    return true;
  }

  private newLog(version: number): ChangeLog {
    return new ChangeLog(version, {
      maxAgeMs: this.limits.historyMs,
      // A step per send at most: sends are minIntervalMs apart, or tickMs when nothing is announced.
      maxSteps: Math.ceil(this.limits.historyMs / Math.min(this.limits.tickMs, this.limits.minIntervalMs)) + 1,
    });
  }

  private snapshotFrame(filter: StreamFilter): Buffer {
    const frames = this.framesOf(filter);
    frames.snapshot ??= this.counted(
      eventFrame('snapshot', this.state.version, eventData(this.state, filter.includes).json),
    );
    return frames.snapshot;
  }

  /**
   * What a client at `from` needs to reach the current version: the changed
   * entries its filter admits, a snapshot when `from` is beyond the log, or
   * NOTHING when none changed (unless `keepEmpty`: a resume always answers).
   */
  private frameFrom(filter: StreamFilter, from: number, keepEmpty: boolean): Buffer {
    const frames = this.framesOf(filter);
    const byStart = keepEmpty ? frames.resumes : frames.updates;
    const known = byStart.get(from);
    if (known !== undefined) return known;
    const changed = this.log.changedSince(from);
    let frame: Buffer;
    if (changed === null) frame = this.snapshotFrame(filter);
    else {
      const data = eventData(this.state, (key) => changed.has(key) && filter.includes(key));
      frame =
        data.count === 0 && !keepEmpty ? NOTHING : this.counted(eventFrame('update', this.state.version, data.json));
    }
    // framesOf may have started the cache again meanwhile; the frame is still right for this version.
    this.framesOf(filter)[keepEmpty ? 'resumes' : 'updates'].set(from, frame);
    return frame;
  }

  private framesOf(filter: StreamFilter): FilterFrames {
    let frames = this.frames.get(filter.key);
    if (frames === undefined) {
      if (this.cachedFrames >= MAX_CACHED_FRAMES) {
        this.frames.clear();
        this.cachedFrames = 0;
      }
      frames = { snapshot: null, updates: new Map(), resumes: new Map() };
      this.frames.set(filter.key, frames);
    }
    return frames;
  }

  private counted(frame: Buffer): Buffer {
    this.cachedFrames += 1;
    return frame;
  }

  private drop(client: Client, reason: DropReason): void {
    this.dropped[reason] += 1;
    this.onDrop(reason, client.res.writableLength);
    this.clients.delete(client);
    client.res.destroy();
  }
}
