import { createSeededRandom } from './seeded-random.js';

/**
 * Runs `fn` with `Math.random` replaced by a seeded generator, and restores it afterwards
 * (also when `fn` throws). Everything random in tfjs that takes no seed draws from
 * `Math.random`: `model.fit`'s shuffling (`tf.util.shuffle`), dropout masks, and the seeds
 * of unseeded `tf.randomNormal`/`tf.randomUniform`. Inside `fn` they all follow `seed`, so
 * two runs with the same seed, from the same weights, on the same backend, end at identical
 * weights.
 *
 * The replacement is global while `fn` runs: other code running concurrently (timers,
 * other async work) draws from the same seeded stream, and makes the run differ. Calls can
 * be nested; each restores what it found.
 *
 * @param seed - any finite number.
 * @param fn - the code to run, sync or async.
 * @returns what `fn` returned.
 * @throws a `ConfigError` when `seed` is not a finite number.
 * @example
 * ```ts
 * import { withSeededRandom } from '@dl/core';
 * const history = await withSeededRandom(42, () => model.fit(x, y, { epochs: 5, shuffle: true }));
 * // Rebuild the model with the same seeded initializers and run again: identical weights.
 * ```
 */
export async function withSeededRandom<T>(seed: number, fn: () => T | Promise<T>): Promise<T> {
  const random = createSeededRandom(seed);
  const original = Math.random;
  Math.random = random.next;
  try {
    return await fn();
  } finally {
    Math.random = original;
  }
}
