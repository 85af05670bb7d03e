import type { MarketRecorder } from '../../engine/marketRecorder.js';
import type { Market } from '../../market/book/market.js';

/**
 * What the market desk works on: the live market, read for its pages, and
 * the recorder, the one way a change reaches it (logged before it is applied,
 * so it survives a restart). Wired once in src/app.ts.
 */
export interface MarketDeskDeps {
  readonly market: Market;
  readonly recorder: MarketRecorder;
}
