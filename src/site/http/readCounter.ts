import { karachiDateKey } from '../../shared/pakistanTime.js';
import type { Service } from '../../shared/service.js';
import type { FrontPageStore } from '../../store/frontPage/frontPageStore.js';
import { articleIdOfKey } from '../routes/pageKeys.js';

/** Stories counted between flushes at most: a crawler walking the archive cannot grow the map without bound. */
const MAX_STORIES = 10_000;

/**
 * Counts story reads for "most read" with nothing about the reader: no
 * cookie, no address, only "story N was served once more". Counts are kept
 * in memory and added to the database every few seconds, one atomic
 * increment per story, so every process of a scaled-out site adds into the
 * same counts and a cached page costs no query.
 */
export class ReadCounter implements Service {
  readonly name = 'read counter';
  private counts = new Map<number, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Pick<FrontPageStore, 'addReads'>,
    private readonly options: {
      readonly now: () => Date;
      readonly flushEveryMs: number;
      readonly onError: (error: unknown) => void;
      /** Where in the first interval the flushes start, as a fraction in [0, 1); random unless a test sets it. */
      readonly phase?: number;
    },
  ) {}

  /** Told of every page served from the cache or rendered; only story pages count. */
  pageServed(key: string): void {
    const id = articleIdOfKey(key);
    if (id === null) return;
    const seen = this.counts.get(id);
    if (seen === undefined && this.counts.size >= MAX_STORIES) return;
    this.counts.set(id, (seen ?? 0) + 1);
  }

  /** Adds what was counted to the database; a failed write is given up (reads are a ranking, not a ledger). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.counts.size === 0) return;
      const batch = this.counts;
      this.counts = new Map();
      try {
        await this.store.addReads(karachiDateKey(this.options.now()), batch);
      } catch (error) {
        this.options.onError(error);
      }
    });
    return this.flushing;
  }

  /**
   * Flushes every interval from a point of the first one of the process's own: processes started together (the
   * workers of `--workers`) flushed together every time, and on SQLite each waited for the other's write lock
   * (bench/RESULTS.md, 2026-12-06). One timeout at a time, each setting the next as it fires, so the counter
   * holds one timer whether its first flush has come or not.
   */
  start(): void {
    if (this.timer !== null) return;
    const every = this.options.flushEveryMs;
    const due = () => {
      this.timer = setTimeout(due, every);
      this.timer.unref();
      void this.flush();
    };
    this.timer = setTimeout(due, Math.floor((this.options.phase ?? Math.random()) * every));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }
}
