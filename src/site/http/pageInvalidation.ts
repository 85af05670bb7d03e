import type { Bus } from '../../bus/bus.js';
import type { Service } from '../../shared/service.js';
import { pagesShowing } from '../routes/pageKeys.js';
import type { PageCache } from './pageCache.js';

/**
 * The one way cached pages are dropped before their time: the newsroom
 * announces every change readers can see on the bus (on every web node when
 * the bus is Redis), and the pages showing it go at once.
 */
export function pageInvalidation(bus: Bus, pages: PageCache): Service {
  let unsubscribe: (() => void) | null = null;
  return {
    name: 'page invalidation',
    start() {
      unsubscribe ??= bus.subscribe('content.changed', (change) => {
        pages.invalidateWhere(pagesShowing(change));
      });
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
