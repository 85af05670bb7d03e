import type { MediaLibrary } from '../store/media/mediaLibrary.js';
import type { OpenedStore } from '../store/openStore.js';
import { seedDemoHistory } from './market/demoHistorySeed.js';
import { generateDemoNews } from './news/generateDemoNews.js';
import { seedDemoPictures } from './pictures/seedDemoPictures.js';
import { seedDemoContent } from './seedDemo.js';

export interface DemoSeedLogger {
  info(details: object, message: string): void;
}

/**
 * The demo's stories, market history and pictures, on a database that has
 * none: what a first `serve` shows. Each part is skipped when already there,
 * so a second start (or a second process) seeds nothing.
 */
export async function seedDemoSite(input: {
  readonly opened: OpenedStore;
  readonly media: MediaLibrary;
  readonly now: Date;
  readonly logger: DemoSeedLogger;
}): Promise<void> {
  const { opened, media, now, logger } = input;
  const seeded = await seedDemoContent(opened.store, generateDemoNews({ now }));
  if (seeded.articles > 0) logger.info(seeded, 'demo content seeded');
  const bars = await seedDemoHistory(opened.market, now);
  if (bars > 0) logger.info({ bars }, 'demo market history seeded');
  // After the history: market stories are illustrated with charts of it.
  const pictures = await seedDemoPictures({
    store: opened.store,
    frontPage: opened.frontPage,
    media,
    market: opened.market,
    now,
  });
  if (pictures > 0) logger.info({ pictures }, 'demo pictures drawn');
}
