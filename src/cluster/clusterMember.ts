import cluster from 'node:cluster';
import type { BusLogger } from '../bus/redisBus.js';
import type { WindowCounter } from '../bus/windowCounter.js';
import type { EngineLeaseStore } from '../store/market/engineLease.js';
import { createIpcBus, type IpcBus } from './ipcBus.js';
import { createIpcEngineLease } from './ipcEngineLease.js';
import { createIpcWindowCounter } from './ipcWindowCounter.js';
import { primaryChannel } from './primaryChannel.js';

/** What a worker of `serve --workers N` shares with the others through the primary (docs/adr/0009). */
export interface ClusterMember {
  /** The worker's number (node:cluster's id), as its log lines and metrics name it. */
  readonly worker: number;
  /** The bus when the site has no Redis. */
  readonly bus: IpcBus;
  /** The comment rate limit's count when the site has no Redis. */
  readonly counter: WindowCounter;
  /** The engine lease on SQLite (PostgreSQL keeps its own in the database). */
  readonly lease: EngineLeaseStore;
  /** Tells the primary this worker takes requests; it says the site is serving once all do. */
  reportListening(address: string): void;
  /**
   * `stop` runs when the primary asks (its SIGTERM or SIGINT). A worker whose
   * primary is killed is ended at once by node:cluster itself; what it had
   * acknowledged is committed already.
   */
  onStop(stop: (signal: NodeJS.Signals) => void): void;
}

export function joinCluster(logger: BusLogger): ClusterMember {
  const channel = primaryChannel();
  const stops: ((signal: NodeJS.Signals) => void)[] = [];
  const stop = (signal: NodeJS.Signals) => {
    for (const handler of stops) handler(signal);
  };
  channel.onMessage((message) => {
    if (message.broadsheet === 'stop') stop(message.signal);
    if (message.broadsheet === 'ping') channel.send({ broadsheet: 'pong', id: message.id });
  });
  return {
    worker: cluster.worker?.id ?? 0,
    bus: createIpcBus(channel, logger),
    counter: createIpcWindowCounter(channel),
    lease: createIpcEngineLease(channel),
    reportListening: (address) => channel.send({ broadsheet: 'listening', address }),
    onStop: (handler) => {
      stops.push(handler);
    },
  };
}
