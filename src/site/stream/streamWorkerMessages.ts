import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import type { MarketStreamStats, StreamLimits } from './marketStreamHub.js';
import type { StreamFilterQuery } from './streamFilter.js';

/**
 * What the serving process and its stream workers say to each other over the
 * IPC channel (structured clone, so Dates cross as Dates). The serving process
 * owns the market; each worker holds a share of the stream sockets and fans
 * every change out to them from its own copy of the snapshot.
 */
export type ToStreamWorker =
  | {
      readonly type: 'start';
      readonly limits: Partial<StreamLimits>;
      /** Every response header but Date and the status line, as `name: value\r\n` lines. */
      readonly fixedHead: string;
      readonly snapshot: MarketSnapshot;
    }
  /** The market moved: the worker's hub takes it in (throttled by its limits) and sends the changes. */
  | { readonly type: 'snapshot'; readonly snapshot: MarketSnapshot }
  /** Sent with the client's socket as the handle: the request is read and checked; the response is the worker's. */
  | { readonly type: 'client'; readonly query: StreamFilterQuery; readonly lastEventId: number | null }
  /** Answered with a pong from the worker's event loop: proof the loop still turns. */
  | { readonly type: 'ping' }
  | { readonly type: 'close' };

export type FromStreamWorker =
  | { readonly type: 'ready' }
  /** The worker hub's counters, after every change of client count and every send. */
  | { readonly type: 'stats'; readonly stats: MarketStreamStats }
  | { readonly type: 'pong' };
