import type { Bus, BusMessages, Topic } from '../bus/bus.js';
import { decodeEnvelope, encodeEnvelope } from '../bus/busEnvelope.js';
import type { BusLogger } from '../bus/redisBus.js';
import type { PrimaryChannel } from './primaryChannel.js';

/** The bus of one worker of `--workers N`: can say whether the primary still relays (readiness). */
export interface IpcBus extends Bus {
  connected(): boolean;
}

type Handler = (message: never) => void;

/**
 * The processes of one machine hear each other without Redis: a publish
 * reaches this process's handlers at once, synchronously, as on the
 * in-process bus, and goes to the primary, which relays it to every other
 * worker in the order it came. What arrives is decoded like a Redis message
 * (busEnvelope.ts), so a bad one is dropped and said, never delivered.
 */
export function createIpcBus(channel: PrimaryChannel, logger: BusLogger): IpcBus {
  const handlers = new Map<Topic, Set<Handler>>();
  let closed = false;
  const deliver = <T extends Topic>(topic: T, message: BusMessages[T], fromAnother: boolean) => {
    for (const handler of [...(handlers.get(topic) ?? [])]) {
      if (!fromAnother) {
        (handler as (m: BusMessages[T]) => void)(message);
        continue;
      }
      try {
        (handler as (m: BusMessages[T]) => void)(message);
      } catch (error) {
        // The publisher is another process and cannot hear of it; the other handlers still get the message.
        logger.error({ err: error, topic }, 'bus handler failed');
      }
    }
  };
  channel.onMessage((message) => {
    if (message.broadsheet !== 'bus' || closed) return;
    const decoded = decodeEnvelope(message.topic, message.payload);
    if (!decoded.ok) {
      logger.warn({ topic: message.topic, problem: decoded.problem }, 'bus message dropped');
      return;
    }
    deliver(message.topic, decoded.envelope.message, true);
  });
  return {
    connected: () => channel.connected(),
    publish(topic, message) {
      if (closed) return;
      channel.send({ broadsheet: 'bus', topic, payload: encodeEnvelope({ origin: String(process.pid), message }) });
      deliver(topic, message, false);
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
      closed = true;
      handlers.clear();
    },
  };
}
