import * as tf from '@tensorflow/tfjs';
import { createSeededRandom } from './seeded-random.js';

/** A tfjs-layers weight initializer. */
export type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/** Names of the tfjs initializers {@link SeededInitializers.next} can seed. */
export type InitializerName =
  | 'glorotUniform'
  | 'glorotNormal'
  | 'heNormal'
  | 'heUniform'
  | 'leCunNormal'
  | 'leCunUniform'
  | 'orthogonal'
  | 'randomNormal'
  | 'randomUniform'
  | 'truncatedNormal';

/** Hands out tfjs initializers, each with the next seed of one seeded sequence. */
export interface SeededInitializers {
  /** A tfjs initializer of the given kind with the next seed; `args` are passed through. */
  next(name: InitializerName, args?: Record<string, unknown>): Initializer;
  /** The next raw seed, for ops that take one (dropout, shuffles). */
  nextSeed(): number | undefined;
}

/**
 * Seeded weight initialisation for factories: every layer gets its own seed drawn from
 * one sequence, so a model built twice with the same `seed` (in the same layer order)
 * starts from identical weights on the same backend. Without a seed, initializers are
 * unseeded (different every time), as tfjs's defaults are.
 *
 * @param seed - the model's seed, or `undefined` for unseeded initialisation.
 * @returns a {@link SeededInitializers}.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { seededInitializers } from '@dl/core';
 * const init = seededInitializers(42);
 * const dense = tf.layers.dense({ units: 8, kernelInitializer: init.next('glorotUniform') });
 * ```
 */
export function seededInitializers(seed?: number): SeededInitializers {
  const random = seed === undefined ? undefined : createSeededRandom(seed);
  const nextSeed = (): number | undefined => random?.nextSeed();
  return {
    next(name, args = {}) {
      const factory = tf.initializers[name] as (config: Record<string, unknown>) => Initializer;
      const seedValue = nextSeed();
      return factory(seedValue === undefined ? { ...args } : { ...args, seed: seedValue });
    },
    nextSeed,
  };
}
