import type { KyselyNewsStore } from '../store/articles/kyselyNewsStore.js';
import type { DemoNews } from './news/demoNews.js';

/** Demo comments were never posted from anywhere: an address reserved for documentation (RFC 5737). */
const DEMO_COMMENT_IP = '192.0.2.1';

/**
 * Fills an empty store with the demo sections, articles and comments in one
 * transaction. A store that already has articles is left alone, so calling
 * this on every start is safe.
 */
export function seedDemoContent(
  store: KyselyNewsStore,
  demo: DemoNews,
): Promise<{ articles: number; comments: number }> {
  return store.seedIfEmpty({
    sections: demo.sections,
    articles: demo.articles,
    comments: demo.comments.map((comment) => ({ ...comment, ip: DEMO_COMMENT_IP })),
  });
}
