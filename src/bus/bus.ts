import type { ContentChange } from './contentChange.js';
import type { MarketBatch } from './marketReplication.js';

/** Messages that travel between the market engine and the web nodes. */
export interface BusMessages {
  /** The market snapshot changed; `version` increases with every change. */
  'market.changed': { readonly version: number };
  /** The engine committed these market events (one message per group commit); followers apply them in order. */
  'market.events': MarketBatch;
  /** Something readers see changed in the newsroom (a story, comments, a print edition, tags): drop the pages showing it. */
  'content.changed': ContentChange;
}

export type Topic = keyof BusMessages;

/** Publish/subscribe between services: in-process by default, Redis when scaled out. */
export interface Bus {
  publish<T extends Topic>(topic: T, message: BusMessages[T]): void;
  /** Returns a function that removes the subscription. */
  subscribe<T extends Topic>(topic: T, handler: (message: BusMessages[T]) => void): () => void;
  close(): Promise<void>;
}
