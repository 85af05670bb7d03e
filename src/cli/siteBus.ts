import type { Bus } from '../bus/bus.js';
import { createInProcessBus } from '../bus/inProcessBus.js';
import { createRedisBus } from '../bus/redisBus.js';

/**
 * The bus a command announces its changes on: the site's Redis when it has
 * one, so every serving node drops the pages the change shows on, as if the
 * change had been made in the newsroom. Without Redis there is no other
 * process to tell; a server on the same SQLite file shows the change when its
 * cached pages expire.
 */
export async function openSiteBus(redisUrl: string | null, channelPrefix: string): Promise<Bus> {
  if (redisUrl === null) return createInProcessBus();
  return createRedisBus({
    url: redisUrl,
    // The serving nodes' own prefix (`--redis-prefix`, else derived from the database), or they would not hear it.
    channelPrefix,
    logger: { warn: report, error: report },
  });
}

function report(details: object, message: string): void {
  const text = JSON.stringify(details, (_key, value: unknown) => (value instanceof Error ? value.message : value));
  process.stderr.write(`${message} ${text}\n`);
}
