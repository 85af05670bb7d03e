import type { MarketState } from './marketState.js';

/**
 * How far behind a feed's highest seq a trade may arrive and still be told
 * apart exactly. The exchange numbers each feed's trades in order and resends
 * only recent ones; 16,384 is far beyond any reordering it has shown.
 */
export const SEQ_WINDOW = 16_384;

/** One feed's memory: the highest seq and a ring of which of the last `SEQ_WINDOW` seqs arrived. */
interface FeedMark {
  high: number;
  readonly seen: Uint8Array;
}

/**
 * The trade seqs each feed has delivered today, so a resent trade is
 * acknowledged, not printed twice. The rule, per feed: a seq above the
 * highest seen is new; a seq within `SEQ_WINDOW` below it is new exactly when
 * it has not arrived before; a seq further behind is taken as a resend (a
 * duplicate). Memory and time per trade stay constant however long the day.
 */
export class FeedSequences {
  private readonly feeds = new Map<string, FeedMark>();

  has(feed: string, seq: number): boolean {
    const mark = this.feeds.get(feed);
    if (mark === undefined || seq > mark.high) return false;
    if (seq <= mark.high - SEQ_WINDOW) return true;
    return mark.seen[slot(seq)] === 1;
  }

  remember(feed: string, seq: number): void {
    let mark = this.feeds.get(feed);
    if (mark === undefined) {
      mark = { high: seq, seen: new Uint8Array(SEQ_WINDOW) };
      this.feeds.set(feed, mark);
    } else if (seq > mark.high) {
      // The slots the window slides over belonged to seqs now too old to keep.
      if (seq - mark.high >= SEQ_WINDOW) mark.seen.fill(0);
      else for (let s = mark.high + 1; s < seq; s++) mark.seen[slot(s)] = 0;
      mark.high = seq;
    } else if (seq <= mark.high - SEQ_WINDOW) {
      return;
    }
    mark.seen[slot(seq)] = 1;
  }

  clear(): void {
    this.feeds.clear();
  }

  /** The seqs inside each feed's window, ascending (the highest always among them). */
  exportState(): MarketState['seenSeqs'] {
    return [...this.feeds].map(([feed, mark]) => {
      const seqs: number[] = [];
      for (let s = Math.max(mark.high - SEQ_WINDOW + 1, Number.MIN_SAFE_INTEGER); s <= mark.high; s++) {
        if (mark.seen[slot(s)] === 1) seqs.push(s);
      }
      return { feed, seqs };
    });
  }

  restoreState(state: MarketState['seenSeqs']): void {
    this.feeds.clear();
    for (const { feed, seqs } of state) {
      for (const seq of [...seqs].sort((a, b) => a - b)) this.remember(feed, seq);
    }
  }
}

function slot(seq: number): number {
  const index = seq % SEQ_WINDOW;
  return index < 0 ? index + SEQ_WINDOW : index;
}
