import { ConfigError } from '../errors/config-error.js';

/**
 * A small, fast, seeded pseudo-random number generator (mulberry32). Identical sequences
 * for identical seeds on every platform; not for cryptography.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  nextInt(maxExclusive: number): number;
  /** A 31-bit non-negative integer, for seeding tfjs initializers and ops. */
  nextSeed(): number;
  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
}

/**
 * Creates a {@link SeededRandom}. Without a seed, one is drawn from `Math.random`.
 *
 * @param seed - any finite number; the same seed gives the same sequence.
 * @returns the generator.
 * @throws {@link ConfigError} when `seed` is not a finite number.
 * @example
 * ```ts
 * import { createSeededRandom } from '@dl/core';
 * const a = createSeededRandom(7), b = createSeededRandom(7);
 * a.next() === b.next(); // true
 * a.shuffle([1, 2, 3, 4]); // the same order for seed 7, every run
 * ```
 */
export function createSeededRandom(seed?: number): SeededRandom {
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isFinite(seed))) {
    throw new ConfigError({ path: 'seed', value: seed, expected: 'a finite number (or no seed)' });
  }
  let state = (seed === undefined ? Math.floor(Math.random() * 2 ** 32) : hashSeed(seed)) >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => nextUint32() / 2 ** 32;
  return {
    next,
    nextInt: (maxExclusive) => Math.floor(next() * maxExclusive),
    nextSeed: () => nextUint32() >>> 1,
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const held = items[i] as T;
        items[i] = items[j] as T;
        items[j] = held;
      }
      return items;
    },
  };
}

/** Maps any finite number (including fractions and negatives) to a 32-bit state. */
function hashSeed(seed: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < 8; i++) {
    h ^= view.getUint8(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
