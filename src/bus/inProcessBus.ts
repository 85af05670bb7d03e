import type { Bus, BusMessages, Topic } from './bus.js';

type Handler = (message: never) => void;

/** The default bus: one process, delivery is a synchronous function call. */
export function createInProcessBus(): Bus {
  const handlers = new Map<Topic, Set<Handler>>();
  return {
    publish(topic, message) {
      for (const handler of handlers.get(topic) ?? []) {
        (handler as (m: BusMessages[typeof topic]) => void)(message);
      }
    },
    subscribe(topic, handler) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
      }
      set.add(handler as Handler);
      return () => set.delete(handler as Handler);
    },
    async close() {
      handlers.clear();
    },
  };
}
