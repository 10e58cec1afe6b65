import * as tf from '@tensorflow/tfjs';
import { requireSameShapeTensors } from './gaussian-args.js';

/**
 * The reparameterization trick: a sample `z = μ + exp(½ log σ²) ⊙ ε` of `N(μ, diag σ²)` written
 * as a differentiable function of μ and log σ², with all the randomness in `ε ~ N(0, I)`.
 * Gradients flow to the encoder: `∂z/∂μ = 1` and `∂z/∂logVar = ½ exp(½ logVar) ⊙ ε`;
 * sampling z directly would give no gradient at all.
 *
 * @param mean - μ, `[..., latentDim]`.
 * @param logVar - log σ², the same shape as `mean`.
 * @param eps - the standard-normal noise, the same shape; default a fresh `tf.randomNormal`
 *   draw (unseeded: it follows `Math.random`, so `withSeededRandom` from @dl/core makes it
 *   reproducible).
 * @returns z, the shape of `mean`.
 * @throws ConfigError when an argument is not a tensor; ShapeError when the shapes differ.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { reparameterize } from '@dl/generative';
 * const mean = tf.tensor2d([[1, -1]]);
 * const logVar = tf.tensor2d([[0, Math.log(4)]]);
 * console.log(await reparameterize(mean, logVar, tf.tensor2d([[0.5, 0.5]])).array()); // [[1.5, 0]]  (σ = 1 and 2)
 * const z = reparameterize(mean, logVar); // a random draw of N([1, -1], diag [1, 4])
 * ```
 */
export function reparameterize(mean: tf.Tensor, logVar: tf.Tensor, eps?: tf.Tensor): tf.Tensor {
  requireSameShapeTensors(eps === undefined ? { mean, logVar } : { mean, logVar, eps }, 'reparameterize');
  return tf.tidy(() => {
    const noise = eps ?? tf.randomNormal(mean.shape);
    return tf.add(mean, tf.mul(tf.exp(tf.mul(tf.scalar(0.5), logVar)), noise));
  });
}
