import { type ChildProcess, fork } from 'node:child_process';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { Bus } from '../../bus/bus.js';
import type { MarketReader } from '../../market/book/marketSnapshot.js';
import { pingEveryMs } from '../../shared/hangWatch.js';
import { DEFAULT_STREAM_LIMITS, type MarketStreamStats, type StreamLimits } from './marketStreamHub.js';
import type { StreamFilterQuery } from './streamFilter.js';
import { streamFixedHead } from './streamHead.js';
import type { FromStreamWorker, ToStreamWorker } from './streamWorkerMessages.js';

export interface StreamWorkerPoolOptions {
  readonly count: number;
  readonly market: MarketReader;
  readonly bus: Bus;
  readonly limits: Partial<StreamLimits>;
  /** Headers every response carries (security policy). */
  readonly extraHeaders: Readonly<Record<string, string>>;
  readonly logger: FastifyBaseLogger;
  /** A ready worker that answers no ping for this long is killed (SIGKILL) and started again; 15 s unless given. */
  readonly hangTimeoutMs?: number;
}

interface StreamWorker {
  readonly index: number;
  child: ChildProcess;
  ready: boolean;
  /** Its hub's counters as last reported; clients handed over since are counted in `handedSince`. */
  stats: MarketStreamStats | null;
  handedSince: number;
  /** When it last answered (its 'ready', then each pong); null until ready and once it is being killed. */
  answeredAt: number | null;
}

const READY_TIMEOUT_MS = 30_000;
const RESPAWN_DELAY_MS = 1000;
const DEFAULT_HANG_TIMEOUT_MS = 15_000;

/**
 * Stream worker processes (`--stream-workers N`): the serving process reads
 * and checks each stream request, then hands its socket to the worker with
 * the fewest clients, and forwards every market change to all workers (at
 * most once per `minIntervalMs`). Each worker fans the changes out to its own
 * sockets, so the fan-out uses N cores, and N processes' open-file limits.
 * A worker that dies is started again; its clients reconnect (EventSource
 * does so by itself) and land on the others. One whose event loop is stuck
 * would keep its clients' streams open with nothing on them and still take
 * new ones: it is found by the pings it no longer answers, and killed.
 */
export class StreamWorkerPool {
  private readonly workers: StreamWorker[] = [];
  private readonly limits: StreamLimits;
  private readonly fixedHead: string;
  private unsubscribe: (() => void) | null = null;
  private fallback: ReturnType<typeof setInterval> | null = null;
  private pending: ReturnType<typeof setTimeout> | null = null;
  private watch: ReturnType<typeof setInterval> | null = null;
  private lastForwardAt = Number.NEGATIVE_INFINITY;
  private forwardedVersion = -1;
  private closing = false;

  constructor(private readonly options: StreamWorkerPoolOptions) {
    this.limits = { ...DEFAULT_STREAM_LIMITS, ...options.limits };
    this.fixedHead = streamFixedHead(options.extraHeaders);
  }

  /** Starts every worker and resolves once all are ready to take clients. */
  async start(): Promise<void> {
    await Promise.all(Array.from({ length: this.options.count }, (_, index) => this.spawn(index)));
    this.unsubscribe = this.options.bus.subscribe('market.changed', () => this.announced());
    // Changes nobody announced (a market not wired to the bus) are still forwarded, later.
    this.fallback = setInterval(() => this.forward(), this.limits.tickMs);
    this.fallback.unref();
    const hangTimeoutMs = this.options.hangTimeoutMs ?? DEFAULT_HANG_TIMEOUT_MS;
    this.watch = setInterval(() => this.watchOnce(hangTimeoutMs), pingEveryMs(hangTimeoutMs));
    this.watch.unref();
  }

  /** Pings every ready worker that answered lately; kills one silent for longer than `hangTimeoutMs`. */
  private watchOnce(hangTimeoutMs: number): void {
    if (this.closing) return;
    const now = Date.now();
    for (const worker of this.workers) {
      if (worker.answeredAt === null || !worker.child.connected) continue;
      if (now - worker.answeredAt <= hangTimeoutMs) {
        worker.child.send({ type: 'ping' } satisfies ToStreamWorker, ignoreSendError);
        continue;
      }
      this.options.logger.error(
        { worker: worker.index, workerPid: worker.child.pid, silentMs: now - worker.answeredAt },
        'stream worker stopped answering: killing it',
      );
      // No more clients for it; its exit starts another in its place.
      worker.ready = false;
      worker.answeredAt = null;
      worker.child.kill('SIGKILL');
    }
  }

  /** Gives the socket of a checked stream request to the least loaded worker; false when none is ready. */
  handOff(socket: Socket, query: StreamFilterQuery, lastEventId: number | null): boolean {
    let chosen: StreamWorker | null = null;
    for (const worker of this.workers) {
      if (!worker.ready || !worker.child.connected) continue;
      if (chosen === null || load(worker) < load(chosen)) chosen = worker;
    }
    if (chosen === null) return false;
    chosen.handedSince += 1;
    const message: ToStreamWorker = { type: 'client', query, lastEventId };
    // The worker gets its own descriptor of the connection. Once it is on its way, this process closes its
    // copy the ordinary way, so Node's HTTP server forgets the connection and frees its parser (closing one
    // of two descriptors of a socket does not end the connection). With keepOpen false Node would drop the
    // handle itself but leave the parser in the server's connection list, which then fails on close.
    // A socket that names its server makes Node register the worker with that server, which then asks the
    // worker about its sockets before it reports closed (and waits forever once the worker has gone). This
    // socket is the worker's alone from here, so it is sent as a bare connection.
    (socket as unknown as { server: unknown }).server = null;
    chosen.child.send(message, socket, { keepOpen: true }, () => socket.destroy());
    return true;
  }

  /** The workers' counters added up (`lastSendPassMs`: the slowest worker's). */
  stats(): Omit<MarketStreamStats, 'limits'> | null {
    const reports = this.workers.flatMap((worker) => (worker.stats === null ? [] : [{ worker, stats: worker.stats }]));
    if (reports.length === 0) return null;
    const sum = (pick: (stats: MarketStreamStats) => number) =>
      reports.reduce((total, { stats }) => total + pick(stats), 0);
    return {
      version: Math.max(...reports.map(({ stats }) => stats.version)),
      clients: reports.reduce((total, { worker, stats }) => total + stats.clients + worker.handedSince, 0),
      lagging: sum((stats) => stats.lagging),
      blocked: sum((stats) => stats.blocked),
      connectionsTotal: sum((stats) => stats.connectionsTotal),
      sends: { announced: sum((s) => s.sends.announced), fallback: sum((s) => s.sends.fallback) },
      dropped: { overflow: sum((s) => s.dropped.overflow), blocked: sum((s) => s.dropped.blocked) },
      maxPendingBytes: Math.max(...reports.map(({ stats }) => stats.maxPendingBytes)),
      peakPendingBytes: Math.max(...reports.map(({ stats }) => stats.peakPendingBytes)),
      lastSendPassMs: Math.max(...reports.map(({ stats }) => stats.lastSendPassMs)),
    };
  }

  /** Ends every worker (and so every stream they hold). */
  async close(): Promise<void> {
    this.closing = true;
    this.unsubscribe?.();
    if (this.fallback !== null) clearInterval(this.fallback);
    if (this.watch !== null) clearInterval(this.watch);
    if (this.pending !== null) clearTimeout(this.pending);
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve();
            const timer = setTimeout(() => worker.child.kill('SIGKILL'), 5000);
            worker.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            if (worker.child.connected) worker.child.send({ type: 'close' } satisfies ToStreamWorker);
            else worker.child.kill('SIGTERM');
          }),
      ),
    );
  }

  private spawn(index: number): Promise<void> {
    const { script, execArgv } = workerScript();
    const child = fork(script, [], {
      execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker: StreamWorker = { index, child, ready: false, stats: null, handedSince: 0, answeredAt: null };
    this.workers[index] = worker;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stream worker ${index} not ready in time`)), READY_TIMEOUT_MS);
      child.on('message', (message: FromStreamWorker) => {
        if (message.type === 'ready') {
          worker.ready = true;
          worker.answeredAt = Date.now();
          clearTimeout(timer);
          resolve();
        } else if (message.type === 'pong') {
          if (worker.answeredAt !== null) worker.answeredAt = Date.now();
        } else if (message.type === 'stats') {
          worker.stats = message.stats;
          worker.handedSince = 0;
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        worker.ready = false;
        worker.answeredAt = null;
        if (this.closing) return;
        this.options.logger.error({ worker: index, code, signal }, 'stream worker exited; starting it again');
        setTimeout(() => {
          if (!this.closing) this.spawn(index).catch((error) => this.options.logger.error({ err: error }));
        }, RESPAWN_DELAY_MS).unref();
      });
      child.send({
        type: 'start',
        limits: this.options.limits,
        fixedHead: this.fixedHead,
        snapshot: this.options.market.snapshot(),
      } satisfies ToStreamWorker);
    });
  }

  /** A change was announced: forward soon, never sooner than minIntervalMs after the last forward. */
  private announced(): void {
    if (this.pending !== null || this.closing) return;
    const wait = Math.max(0, this.lastForwardAt + this.limits.minIntervalMs - Date.now());
    this.pending = setTimeout(() => {
      this.pending = null;
      this.forward();
    }, wait);
    this.pending.unref();
  }

  private forward(): void {
    const snapshot = this.options.market.snapshot();
    if (snapshot.version === this.forwardedVersion) return;
    this.forwardedVersion = snapshot.version;
    this.lastForwardAt = Date.now();
    const message: ToStreamWorker = { type: 'snapshot', snapshot };
    for (const worker of this.workers) {
      if (worker.ready && worker.child.connected) worker.child.send(message, ignoreSendError);
    }
  }
}

/**
 * A send to a worker that has just gone (its channel closed between the check and the write) fails; without a
 * callback the failure is an 'error' event of the child, which no one listens to and which would end this
 * process. The worker's exit is handled where it is heard.
 */
function ignoreSendError(): void {}

function load(worker: StreamWorker): number {
  return (worker.stats?.clients ?? 0) + worker.handedSince;
}

/** The worker's entry beside this file: built JavaScript, or TypeScript through tsx when run from source (tests). */
function workerScript(): { script: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(fromSource ? './streamWorker.ts' : './streamWorker.js', import.meta.url).pathname;
  // The same small young generation `npm start` gives the serving process: a worker is mostly idle sockets.
  return { script, execArgv: ['--max-semi-space-size=2', ...(fromSource ? ['--import', 'tsx'] : [])] };
}
