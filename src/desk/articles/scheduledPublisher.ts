import type { ArticleDesk } from './articleDesk.js';

export interface ScheduledPublisherOptions {
  readonly desk: ArticleDesk;
  /** How often to look for due stories; the desk's clock decides what is due. */
  readonly intervalMs: number;
  readonly onPublished?: (ids: readonly number[]) => void;
  readonly onError: (error: unknown) => void;
}

/** Publishes scheduled stories when their time comes. */
export interface ScheduledPublisher {
  /** Publishes whatever fell due while the site was down, then keeps checking. */
  start(): Promise<void>;
  /** Stops checking; waits for a check under way so the database can close after it. */
  stop(): Promise<void>;
  /** One check now; returns the ids published. */
  runOnce(): Promise<readonly number[]>;
}

/**
 * A timer rather than one alarm per story: a check is one indexed query, and
 * a timer cannot miss a story scheduled or moved by another web node.
 */
export function createScheduledPublisher(options: ScheduledPublisherOptions): ScheduledPublisher {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<readonly number[]> | null = null;

  const runOnce = (): Promise<readonly number[]> => {
    // Checks never overlap: a slow database must not publish one story twice.
    if (running !== null) return running;
    running = options.desk
      .publishDue()
      .then((ids) => {
        if (ids.length > 0) options.onPublished?.(ids);
        return ids;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    async start() {
      if (timer !== null) return;
      await runOnce();
      timer = setInterval(() => {
        runOnce().catch(options.onError);
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
    runOnce,
  };
}
