/**
 * Room left above a base for one process's changes: a million a second for over ten years.
 */
const HEADROOM = 2 ** 49;
const BASES = Number.MAX_SAFE_INTEGER - HEADROOM;

/**
 * Where a serving process starts numbering its market versions, from a uniform random `fraction` in [0, 1).
 *
 * Versions reach clients as ETags and stream event ids, and a load balancer sends a client's next request to any
 * process of the site: two processes must never hand out the same number for different states. Starting from
 * the clock (a thousand versions a millisecond) kept a restart clear of its predecessor, but workers started a
 * few milliseconds apart overlapped after a few thousand changes, so a quote poll or a stream resume could be
 * answered by another worker as if it held the client's state (a 304 on old prices, an update missing changes).
 * A random point in 2^53 leaves two processes' ranges apart with near certainty (each uses a few million).
 */
export function versionBase(fraction: number): number {
  if (!(fraction >= 0 && fraction < 1)) throw new RangeError(`fraction must be in [0, 1), got ${fraction}`);
  return Math.floor(fraction * BASES);
}
