import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../errors/config-error.js';

/** The result of {@link clipByGlobalNorm}. */
export interface ClippedGradients<T extends tf.NamedTensorMap | tf.Tensor[]> {
  /** The gradients scaled by `min(1, maxNorm / globalNorm)`; new tensors. */
  readonly gradients: T;
  /** `sqrt(sum of squares of every gradient element)` before clipping. */
  readonly globalNorm: tf.Scalar;
}

/**
 * Clips a set of gradients by their global L2 norm, as in Pascanu et al. (2013): when
 * the norm over all elements exceeds `maxNorm`, every gradient is scaled by
 * `maxNorm / globalNorm`, which keeps the update's direction. The standard remedy for
 * exploding gradients in recurrent networks.
 *
 * @param gradients - gradients by variable name (as from `optimizer.computeGradients`) or a list.
 * @param maxNorm - the largest allowed global norm (> 0).
 * @returns the clipped gradients and the norm before clipping; the caller disposes both.
 * @throws {@link ConfigError} when `maxNorm` is not a positive finite number.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { clipByGlobalNorm } from '@dl/core';
 * const { gradients, globalNorm } = clipByGlobalNorm([tf.tensor1d([3, 4])], 1);
 * console.log(await globalNorm.data()); // [5]
 * console.log(await gradients[0].data()); // [0.6, 0.8]
 * ```
 */
export function clipByGlobalNorm<T extends tf.NamedTensorMap | tf.Tensor[]>(gradients: T, maxNorm: number): ClippedGradients<T> {
  if (typeof maxNorm !== 'number' || !Number.isFinite(maxNorm) || maxNorm <= 0) {
    throw new ConfigError({ path: 'maxNorm', value: maxNorm, expected: 'a positive finite number' });
  }
  const list = Array.isArray(gradients) ? gradients : Object.values(gradients);
  return tf.tidy(() => {
    const globalNorm = list.length === 0 ? tf.scalar(0) : tf.sqrt(tf.addN(list.map((g) => tf.sum(tf.square(g)))));
    const scale = tf.minimum(1, tf.div(maxNorm, tf.maximum(globalNorm, Number.MIN_VALUE)));
    const clipped = Array.isArray(gradients)
      ? gradients.map((g) => tf.mul(g, scale))
      : Object.fromEntries(Object.entries(gradients).map(([name, g]) => [name, tf.mul(g, scale)]));
    return { gradients: clipped as T, globalNorm: globalNorm as tf.Scalar };
  });
}
