import type { Bus, BusMessages, Topic } from './bus.js';

type Handler = (message: never) => void;

/** A bus's subscriptions by topic, and the two ways a message reaches them. */
export interface BusHandlers {
  readonly subscribe: Bus['subscribe'];
  /** The topic's handlers as they stand (live: a handler added or removed meanwhile shows). */
  of<T extends Topic>(topic: T): Iterable<(message: BusMessages[T]) => void>;
  /** This process's own message: a handler that throws throws to the publisher, as a function call would. */
  deliverOwn<T extends Topic>(topic: T, message: BusMessages[T]): void;
  /**
   * Another process's message: the publisher cannot hear of a handler's error, so each is reported and the
   * other handlers still get the message.
   */
  deliverFromAnother<T extends Topic>(topic: T, message: BusMessages[T], failed: (error: unknown) => void): void;
  clear(): void;
}

export function createBusHandlers(): BusHandlers {
  const handlers = new Map<Topic, Set<Handler>>();
  // A copy, so a handler that unsubscribes (itself or another) does not disturb this delivery.
  const current = <T extends Topic>(topic: T) =>
    [...(handlers.get(topic) ?? [])] as ((message: BusMessages[T]) => void)[];
  return {
    subscribe(topic, handler) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
      }
      set.add(handler as Handler);
      return () => set.delete(handler as Handler);
    },
    of: <T extends Topic>(topic: T) => (handlers.get(topic) ?? []) as Iterable<(message: BusMessages[T]) => void>,
    deliverOwn(topic, message) {
      for (const handler of current(topic)) handler(message);
    },
    deliverFromAnother(topic, message, failed) {
      for (const handler of current(topic)) {
        try {
          handler(message);
        } catch (error) {
          failed(error);
        }
      }
    },
    clear: () => handlers.clear(),
  };
}
