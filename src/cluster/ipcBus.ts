import type { Bus } from '../bus/bus.js';
import { decodeEnvelope, encodeEnvelope } from '../bus/busEnvelope.js';
import { createBusHandlers } from '../bus/busHandlers.js';
import type { BusLogger } from '../bus/redisBus.js';
import type { PrimaryChannel } from './primaryChannel.js';

/** The bus of one worker of `--workers N`: can say whether the primary still relays (readiness). */
export interface IpcBus extends Bus {
  connected(): boolean;
}

/**
 * The processes of one machine hear each other without Redis: a publish
 * reaches this process's handlers at once, synchronously, as on the
 * in-process bus, and goes to the primary, which relays it to every other
 * worker in the order it came. What arrives is decoded like a Redis message
 * (busEnvelope.ts), so a bad one is dropped and said, never delivered.
 */
export function createIpcBus(channel: PrimaryChannel, logger: BusLogger): IpcBus {
  const handlers = createBusHandlers();
  let closed = false;
  channel.onMessage((message) => {
    if (message.broadsheet !== 'bus' || closed) return;
    const decoded = decodeEnvelope(message.topic, message.payload);
    if (!decoded.ok) {
      logger.warn({ topic: message.topic, problem: decoded.problem }, 'bus message dropped');
      return;
    }
    handlers.deliverFromAnother(message.topic, decoded.envelope.message, (error) =>
      logger.error({ err: error, topic: message.topic }, 'bus handler failed'),
    );
  });
  return {
    connected: () => channel.connected(),
    publish(topic, message) {
      if (closed) return;
      channel.send({ broadsheet: 'bus', topic, payload: encodeEnvelope({ origin: String(process.pid), message }) });
      handlers.deliverOwn(topic, message);
    },
    subscribe: handlers.subscribe,
    async close() {
      closed = true;
      handlers.clear();
    },
  };
}
