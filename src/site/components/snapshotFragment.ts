import type { VNode } from 'preact';
import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { drawFragment, fragmentHtml, type SharedFragment } from './sharedFragment.js';

const rendered = new WeakMap<MarketSnapshot, Map<string, SharedFragment>>();

/**
 * The HTML of a part of a page drawn from the market snapshot alone (the
 * ticker, the markets box), rendered once per snapshot and shared by every
 * page rendered while it stands. An article page rendered for one reader of
 * the archive's long tail otherwise drew the same thirty-odd prices each time.
 * The market hands out one frozen snapshot per version, so the snapshot is the
 * key; `part` names the part and anything else its HTML depends on. A page rendered in pieces (renderPieced)
 * neither encodes nor compresses it again.
 */
export function snapshotFragment(snapshot: MarketSnapshot, part: string, draw: () => VNode): string {
  let parts = rendered.get(snapshot);
  if (parts === undefined) {
    parts = new Map();
    rendered.set(snapshot, parts);
  }
  let fragment = parts.get(part);
  if (fragment === undefined) {
    fragment = drawFragment(draw());
    parts.set(part, fragment);
  }
  return fragmentHtml(fragment);
}
