import * as tf from '@tensorflow/tfjs';
import { requireSameShapeTensors } from './gaussian-args.js';

/**
 * The KL divergence of a diagonal Gaussian from the standard normal, in closed form:
 * `KL(N(μ, diag σ²) ‖ N(0, I)) = -½ Σ_j (1 + log σ²_j - μ²_j - σ²_j)`, summed over the last
 * axis (the latent dimension), one value per example. This is the VAE's regulariser (the
 * second term of the negative ELBO); it is 0 exactly when μ = 0 and log σ² = 0, and > 0
 * otherwise. Taking the log-variance (not σ) keeps σ² = exp(logVar) positive without a
 * constraint.
 *
 * @param mean - μ, `[..., latentDim]`.
 * @param logVar - log σ², the same shape as `mean`.
 * @returns the KL per example, the shape of `mean` without its last axis (a scalar for rank 1).
 * @throws ConfigError when an argument is not a tensor; ShapeError when the shapes differ or a rank is 0.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { gaussianKlDivergence } from '@dl/generative';
 * console.log(await gaussianKlDivergence(tf.tensor2d([[0, 0], [1, 0]]), tf.tensor2d([[0, 0], [0, Math.log(2)]])).array());
 * // [0, 0.6534]  (the second: ½(1²) + ½(2 - 1 - log 2))
 * ```
 */
export function gaussianKlDivergence(mean: tf.Tensor, logVar: tf.Tensor): tf.Tensor {
  requireSameShapeTensors({ mean, logVar }, 'gaussianKlDivergence');
  return tf.tidy(() => {
    const terms = tf.sub(tf.add(tf.scalar(1), logVar), tf.add(tf.square(mean), tf.exp(logVar)));
    return tf.mul(tf.scalar(-0.5), tf.sum(terms, -1));
  });
}
