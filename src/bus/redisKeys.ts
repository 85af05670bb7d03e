/** The prefix of every Redis key and channel of a site unless told otherwise; sites sharing one Redis keep apart by prefix. */
export const DEFAULT_REDIS_PREFIX = 'broadsheet';

/** The one way a Redis key is named: `<prefix>:<part>:<part>…`, so a site's keys all start with its prefix. */
export function redisKey(prefix: string, ...parts: readonly string[]): string {
  return [prefix, ...parts].join(':');
}
