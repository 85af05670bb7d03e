import type { Bus } from '../../bus/bus.js';
import type { Service } from '../../shared/service.js';
import { pagesShowing } from '../routes/pageKeys.js';
import type { PageCache } from './pageCache.js';
import type { SharedReads } from './sharedReads.js';

/**
 * The one way cached pages are dropped before their time: the newsroom
 * announces every change readers can see on the bus (on every web node when
 * the bus is Redis), and the pages showing it go at once, with every read
 * pages share (a killed story must not come back in "most read" on a page
 * rendered afresh): both in the same turn, before any page renders again.
 */
export function pageInvalidation(bus: Bus, pages: PageCache, shared?: SharedReads): Service {
  let unsubscribe: (() => void) | null = null;
  return {
    name: 'page invalidation',
    start() {
      unsubscribe ??= bus.subscribe('content.changed', (change) => {
        shared?.clear();
        pages.invalidateWhere(pagesShowing(change));
      });
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
