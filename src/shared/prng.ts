/**
 * A small seeded pseudo-random generator (mulberry32: 32-bit state, period
 * 2^32), so a simulated market replays identically from its seed. Not for
 * anything secret. Demo news draws from it too (src/demo/news/prng.ts), so a
 * change to the sequence changes the demo stories as well.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform whole number in [min, max], both inclusive. */
  integer(min: number, max: number): number;
  /** Roughly standard normal (mean 0, deviation 1), by summing uniforms. */
  normal(): number;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    integer(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    normal() {
      // Irwin–Hall with 12 uniforms: mean 6, variance 1; good enough for a demo walk.
      let sum = 0;
      for (let i = 0; i < 12; i += 1) sum += next();
      return sum - 6;
    },
  };
}
