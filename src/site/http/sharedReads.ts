/**
 * Reads that every page rendered shows alike (the sections in the masthead,
 * the newest stories under an article, most read), kept for a short while so
 * an archive's long tail, where nearly every page is rendered for one request,
 * does not ask the store the same questions for each of them. Everything kept
 * goes the moment the newsroom announces any change (page invalidation calls
 * `clear`, on every node that hears the bus), so a killed story or a renamed
 * section never outlives the cached pages that showed it.
 */
export class SharedReads {
  private readonly entries = new Map<string, { readonly at: number; readonly value: Promise<unknown> }>();

  /**
   * `maxEntries` bounds the memory: related stories keep one entry per tag, and an archive's tags are many.
   * Past it the entry stored longest ago goes first.
   */
  constructor(
    private readonly clock: () => number,
    private readonly maxEntries = 5_000,
  ) {}

  /** What `load` gives for `key`, read afresh once `maxAgeMs` has passed (or the clock went back). */
  get<T>(key: string, maxAgeMs: number, load: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const kept = this.entries.get(key);
    if (kept !== undefined && now >= kept.at && now - kept.at < maxAgeMs) return kept.value as Promise<T>;
    const value = load();
    const entry = { at: now, value };
    // Deleted first so the map's order stays the order entries were stored in, oldest first.
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, entry);
    // A failed read is not kept: the next page asks again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
