import type { WindowCounter } from '../bus/windowCounter.js';
import type { PrimaryChannel } from './primaryChannel.js';

// The primary answers from memory at once; longer means it is stuck or gone, and the worker counts alone.
const ANSWER_WAIT_MS = 1000;

/** Hits counted by the primary for every worker of the machine, so `--workers N` does not allow N times the limit. */
export function createIpcWindowCounter(channel: PrimaryChannel): WindowCounter {
  return {
    hit: (key, windowMs) => channel.ask({ kind: 'count', key, windowMs }, ANSWER_WAIT_MS),
  };
}
