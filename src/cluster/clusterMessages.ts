import type { Topic } from '../bus/bus.js';
import type { EngineLeaseView, LeaseClaim } from '../store/market/engineLease.js';

/** What a worker asks of the primary and waits for: a shared count, or a step of the engine lease (SQLite). */
export type PrimaryQuestion =
  | { readonly kind: 'count'; readonly key: string; readonly windowMs: number }
  | { readonly kind: 'lease.read' }
  | { readonly kind: 'lease.acquire'; readonly claim: LeaseClaim }
  | { readonly kind: 'lease.renew'; readonly holder: string; readonly epoch: number; readonly seq: number }
  | { readonly kind: 'lease.release'; readonly holder: string; readonly epoch: number };

/** The primary's answers, one type per question. */
export interface PrimaryAnswers {
  readonly count: { readonly count: number; readonly resetInMs: number };
  readonly 'lease.read': EngineLeaseView | null;
  readonly 'lease.acquire': number | null;
  readonly 'lease.renew': boolean;
  readonly 'lease.release': null;
}

/** Worker → primary, over the cluster's IPC channel. */
export type WorkerMessage =
  | { readonly broadsheet: 'bus'; readonly topic: Topic; readonly payload: string }
  | { readonly broadsheet: 'ask'; readonly id: number; readonly question: PrimaryQuestion }
  | { readonly broadsheet: 'listening'; readonly address: string }
  /** The answer to a ping, sent from the worker's event loop: proof the loop still turns. */
  | { readonly broadsheet: 'pong'; readonly id: number };

/** Primary → worker. */
export type PrimaryMessage =
  | { readonly broadsheet: 'bus'; readonly topic: Topic; readonly payload: string }
  | { readonly broadsheet: 'answer'; readonly id: number; readonly value: unknown }
  | { readonly broadsheet: 'stop'; readonly signal: NodeJS.Signals }
  | { readonly broadsheet: 'ping'; readonly id: number };

/** Messages of ours carry `broadsheet`; anything else on the channel (node's own cluster traffic) is not for us. */
export function isOurs<T extends { readonly broadsheet: string }>(message: unknown): message is T {
  return typeof message === 'object' && message !== null && typeof (message as T).broadsheet === 'string';
}
