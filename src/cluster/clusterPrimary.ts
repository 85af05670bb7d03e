import cluster, { type Worker } from 'node:cluster';
import { createMemoryWindowCounter } from '../bus/windowCounter.js';
import { pingEveryMs } from '../shared/hangWatch.js';
import type { Service } from '../shared/service.js';
import type { PrimaryMessage, PrimaryQuestion, WorkerMessage } from './clusterMessages.js';
import { isOurs } from './clusterMessages.js';
import { PrimaryLease } from './primaryLease.js';

export interface PrimaryLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ClusterPrimaryOptions {
  readonly workers: number;
  readonly logger: PrimaryLogger;
  /** Said with the one "is serving" line, once every worker listens (database, bus, demo…). */
  readonly servingDetails: object;
  /** After SIGTERM, the workers' drain window and shutdown bound: past both (and a second) they are killed. */
  readonly drainWindowMs: number;
  readonly timeoutMs: number;
  /** A serving worker that answers no ping for this long is killed (SIGKILL) and replaced. */
  readonly hangTimeoutMs: number;
  readonly exit?: (code: number) => void;
  /** `--metrics-port`'s listener, run here: it serves every worker's figures (src/ops/clusterMetrics.ts). */
  readonly metricsListener?: Service;
}

// A worker that dies this soon after it started is failing, not unlucky: wait before starting the next.
const QUICK_DEATH_MS = 5000;
const RESTART_PAUSE_MS = 1000;

/**
 * The primary of `serve --workers N` (docs/adr/0009): it serves nothing
 * itself. It starts N workers on the one port (node:cluster shares it),
 * relays their bus messages to each other, counts the comment rate limit for
 * all of them, keeps the SQLite engine lease, replaces a worker that dies,
 * and on SIGTERM or SIGINT stops them all and waits for them.
 */
export function runClusterPrimary(options: ClusterPrimaryOptions): void {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const counter = createMemoryWindowCounter(Date.now);
  const lease = new PrimaryLease();
  const startedAt = new Map<number, number>();
  const listening = new Set<number>();
  /** When each serving worker last answered (its 'listening', then each pong); watched from then on. */
  const answeredAt = new Map<number, number>();
  let served = false;
  let stopping = false;
  let failed = false;

  const live = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
  const tell = (worker: Worker, message: PrimaryMessage) => {
    if (!worker.isConnected()) return;
    // A worker that is going away may close its channel under us; its 'exit' is handled below.
    worker.send(message, undefined, () => undefined);
  };

  const answer = async (worker: Worker, question: PrimaryQuestion): Promise<unknown> => {
    switch (question.kind) {
      case 'count':
        return counter.hit(question.key, question.windowMs);
      case 'lease.read':
        return lease.read();
      case 'lease.acquire': {
        const epoch = lease.tryAcquire(worker.id, question.claim);
        if (epoch !== null)
          logger.info({ worker: worker.id, workerPid: worker.process.pid, epoch }, 'worker is the market engine');
        return epoch;
      }
      case 'lease.renew':
        return lease.renew(question.holder, question.epoch, question.seq);
      case 'lease.release':
        lease.release(question.holder, question.epoch);
        return null;
    }
  };

  const start = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    worker.on('message', (message: unknown) => {
      if (!isOurs<WorkerMessage>(message)) return;
      switch (message.broadsheet) {
        case 'bus':
          for (const other of live()) if (other !== worker) tell(other, message);
          return;
        case 'ask':
          void answer(worker, message.question).then((value) =>
            tell(worker, { broadsheet: 'answer', id: message.id, value }),
          );
          return;
        case 'pong':
          answeredAt.set(worker.id, Date.now());
          return;
        case 'listening':
          answeredAt.set(worker.id, Date.now());
          listening.add(worker.id);
          if (!served && listening.size >= options.workers) {
            served = true;
            logger.info(
              { ...options.servingDetails, address: message.address, workers: options.workers },
              'Broadsheet is serving',
            );
          }
          return;
      }
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const workerPid = worker.process.pid;
    listening.delete(worker.id);
    answeredAt.delete(worker.id);
    if (lease.workerGone(worker.id))
      logger.warn({ worker: worker.id, workerPid }, 'the market engine worker ended; another takes over');
    if (stopping) {
      if (code !== 0) failed = true;
      if (live().length === 0) finish();
      return;
    }
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (!served) {
      // A worker that cannot start (a port taken, a database it cannot open) would fail the same way again.
      logger.error(
        { worker: worker.id, workerPid, code, signal },
        'a worker ended before the site was serving: stopping',
      );
      failed = true;
      stopAll('SIGTERM');
      return;
    }
    logger.error(
      { worker: worker.id, workerPid, code, signal, livedMs: lived },
      signal === null ? `worker exited with ${code}; starting another` : `worker ended by ${signal}; starting another`,
    );
    setTimeout(
      () => {
        if (!stopping) start();
      },
      lived < QUICK_DEATH_MS ? RESTART_PAUSE_MS : 0,
    );
  });

  // A worker whose event loop is stuck (a runaway loop, a deadlocked native call) takes no request of its own, but
  // node:cluster still hands it connections, which hang: it is found by the pings it no longer answers.
  let pings = 0;
  const watch = setInterval(() => {
    if (stopping) return;
    const now = Date.now();
    for (const worker of live()) {
      const answered = answeredAt.get(worker.id);
      if (answered === undefined) continue;
      if (now - answered <= options.hangTimeoutMs) {
        pings += 1;
        tell(worker, { broadsheet: 'ping', id: pings });
        continue;
      }
      answeredAt.delete(worker.id);
      logger.error(
        { worker: worker.id, workerPid: worker.process.pid, silentMs: now - answered },
        'worker stopped answering: killing it',
      );
      worker.process.kill('SIGKILL');
    }
  }, pingEveryMs(options.hangTimeoutMs));
  watch.unref();

  let deadline: ReturnType<typeof setTimeout> | null = null;
  const finish = () => {
    clearInterval(watch);
    if (deadline !== null) clearTimeout(deadline);
    logger.info({ failed }, failed ? 'workers stopped, not all cleanly' : 'stopped cleanly');
    exit(failed ? 1 : 0);
  };
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    const workers = live();
    if (workers.length === 0) {
      finish();
      return;
    }
    for (const worker of workers) tell(worker, { broadsheet: 'stop', signal });
    const boundMs = (signal === 'SIGTERM' ? options.drainWindowMs : 0) + options.timeoutMs + 1000;
    deadline = setTimeout(() => {
      logger.error({ boundMs }, 'workers took too long to stop: killing them');
      failed = true;
      for (const worker of live()) worker.process.kill('SIGKILL');
    }, boundMs);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.error({ signal }, 'second signal during shutdown: ending the workers now');
      for (const worker of live()) worker.process.kill('SIGTERM');
      exit(1);
      return;
    }
    logger.info({ signal, workers: live().length }, 'shutting down: stopping every worker');
    stopAll(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  for (let i = 0; i < options.workers; i++) start();

  const listener = options.metricsListener;
  if (listener !== undefined) {
    Promise.resolve(listener.start()).catch((error: unknown) => {
      // As a single process fails to start without its metrics port, so does the site.
      logger.error({ err: error }, 'the metrics port could not be opened: stopping');
      failed = true;
      stopAll('SIGTERM');
    });
  }
}
