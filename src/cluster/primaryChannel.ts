import type { PrimaryAnswers, PrimaryMessage, PrimaryQuestion, WorkerMessage } from './clusterMessages.js';
import { isOurs } from './clusterMessages.js';

/** A worker's side of the IPC channel to its primary. */
export interface PrimaryChannel {
  /** Sends a question and waits for its answer; rejects when none comes within `timeoutMs` or the channel is gone. */
  ask<K extends PrimaryQuestion['kind']>(
    question: Extract<PrimaryQuestion, { kind: K }>,
    timeoutMs: number,
  ): Promise<PrimaryAnswers[K]>;
  /** Fire and forget; dropped when the channel is gone (the primary ended). */
  send(message: WorkerMessage): void;
  /** Every message the primary pushes that is not an answer (bus messages, stop). */
  onMessage(handler: (message: PrimaryMessage) => void): void;
  connected(): boolean;
}

/** The channel of this process (a cluster worker, so `process.send` exists). */
export function primaryChannel(): PrimaryChannel {
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const handlers: ((message: PrimaryMessage) => void)[] = [];
  let nextId = 1;
  const connected = () => process.connected && process.send !== undefined;
  process.on('message', (message: unknown) => {
    if (!isOurs<PrimaryMessage>(message)) return;
    if (message.broadsheet === 'answer') {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      pending?.resolve(message.value);
      return;
    }
    for (const handler of handlers) handler(message);
  });
  process.on('disconnect', () => {
    for (const pending of waiting.values()) pending.reject(new Error('the primary process is gone'));
    waiting.clear();
  });
  const send = (message: WorkerMessage) => {
    if (!connected()) return;
    // A channel closing under us is the primary ending; the 'disconnect' handler deals with that.
    process.send?.(message, undefined, undefined, () => undefined);
  };
  return {
    ask(question, timeoutMs) {
      if (!connected()) return Promise.reject(new Error('the primary process is gone'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`the primary did not answer ${question.kind} within ${timeoutMs} ms`));
        }, timeoutMs);
        timer.unref();
        waiting.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as never);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        send({ broadsheet: 'ask', id, question });
      });
    },
    send,
    onMessage: (handler) => {
      handlers.push(handler);
    },
    connected,
  };
}
