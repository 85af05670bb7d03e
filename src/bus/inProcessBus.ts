import type { Bus } from './bus.js';
import { createBusHandlers } from './busHandlers.js';

/** The default bus: one process, delivery is a synchronous function call. */
export function createInProcessBus(): Bus {
  const handlers = createBusHandlers();
  return {
    publish(topic, message) {
      for (const handler of handlers.of(topic)) handler(message);
    },
    subscribe: handlers.subscribe,
    async close() {
      handlers.clear();
    },
  };
}
