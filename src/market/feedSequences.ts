import type { MarketState } from './marketState.js';

/** The trade seqs each feed has delivered today, so a resent trade is acknowledged, not printed twice. */
export class FeedSequences {
  private readonly seen = new Map<string, Set<number>>();

  has(feed: string, seq: number): boolean {
    return this.seen.get(feed)?.has(seq) ?? false;
  }

  remember(feed: string, seq: number): void {
    const seqs = this.seen.get(feed) ?? new Set<number>();
    seqs.add(seq);
    this.seen.set(feed, seqs);
  }

  clear(): void {
    this.seen.clear();
  }

  exportState(): MarketState['seenSeqs'] {
    return [...this.seen].map(([feed, seqs]) => ({ feed, seqs: [...seqs] }));
  }

  restoreState(state: MarketState['seenSeqs']): void {
    this.seen.clear();
    for (const { feed, seqs } of state) this.seen.set(feed, new Set(seqs));
  }
}
