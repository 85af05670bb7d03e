import { Worker } from 'node:worker_threads';

/**
 * The two ways a SQLite writer thread (src/store/writerThread.ts) fails to start, as `startThread` options:
 * its writes must then go on the site's own connection.
 */
export const THREADS_THAT_CANNOT_START: readonly (readonly [how: string, startThread: () => Worker])[] = [
  [
    'a thread that ends before its connection is open',
    () => new Worker('throw new Error("no thread")', { eval: true }),
  ],
  [
    'no worker can be made',
    () => {
      throw Object.assign(new Error('Worker initialization failure: EAGAIN'), { code: 'ERR_WORKER_INIT_FAILED' });
    },
  ],
];
