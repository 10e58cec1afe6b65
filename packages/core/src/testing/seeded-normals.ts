import { createSeededRandom } from '../random/seeded-random.js';

/**
 * `count` standard normal draws in float64 (Box-Muller) from a seeded stream, for Monte Carlo
 * checks of formulas: the same seed gives the same draws on every machine, without tfjs.
 *
 * @param count - how many draws.
 * @param seed - the stream's seed.
 * @returns the draws.
 * @example
 * ```ts
 * import { seededNormals } from '@dl/core/testing';
 * const xs = seededNormals(10_000, 1); // mean ≈ 0, variance ≈ 1
 * ```
 */
export function seededNormals(count: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  const out: number[] = [];
  while (out.length < count) {
    const r = Math.sqrt(-2 * Math.log(1 - random.next()));
    const theta = 2 * Math.PI * random.next();
    out.push(r * Math.cos(theta), r * Math.sin(theta));
  }
  return out.slice(0, count);
}
