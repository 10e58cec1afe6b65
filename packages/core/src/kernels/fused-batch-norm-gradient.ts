import * as tf from '@tensorflow/tfjs';
import { reduceToShape } from './reduce-to-shape.js';

/**
 * Whether a coefficient of shape `coefficient` is constant along every axis that
 * `reduceToShape(·, target)` sums over, so that Σ(g · c) = c · Σ g (the sum can come first,
 * on the full tensor, and the product after, on the small one).
 */
function constantAlongReducedAxes(coefficient: readonly number[], target: readonly number[]): boolean {
  if (coefficient.length > target.length) return false;
  const offset = target.length - coefficient.length;
  return coefficient.every((size, axis) => size === 1 || size === target[axis + offset]);
}

/** Σ over the broadcast axes of `full · coefficient`, reshaped to `target`; the sum first where that is exact. */
function reduceScaled(full: tf.Tensor, coefficient: tf.Tensor, target: readonly number[]): tf.Tensor {
  if (constantAlongReducedAxes(coefficient.shape, target)) {
    return tf.mul(reduceToShape(full, target), coefficient).reshape(target as number[]);
  }
  return reduceToShape(tf.mul(full, coefficient), target);
}

/**
 * The gradient of `FusedBatchNorm` (`tf.batchNorm`, which tfjs-layers' `BatchNormalization`
 * runs in training as in inference), with respect to x, mean, variance, scale and offset.
 * With s = scale / √(variance + ε):
 * dx = dy · s, dmean = −Σ dy · s, dvariance = −½ · scale · (variance + ε)^(−3/2) · Σ dy (x − mean),
 * dscale = Σ dy (x − mean) / √(variance + ε), doffset = Σ dy (sums over the axes each operand
 * was broadcast along).
 *
 * tfjs 4.22's own gradient computes the same values but tiles 1/√(variance + ε) to the full
 * shape of x before multiplying (the wasm `Tile` kernel took a third of a training step of
 * a conv net with batch norm), recomputes x − mean for two of the five gradients, and
 * multiplies before it sums. This one broadcasts, computes Σ dy and Σ dy (x − mean) once,
 * and scales the per-channel sums; it also handles x of any rank (tfjs's reshapes to rank 4).
 *
 * `installTrainingKernels` registers it (gradients are global, not per backend).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { fusedBatchNormGradient } from '@dl/core';
 * tf.registerGradient(fusedBatchNormGradient);
 * const dx = tf.grad((x: tf.Tensor) => tf.batchNorm(x, mean, variance, offset, scale).square().sum())(x);
 * ```
 */
export const fusedBatchNormGradient: tf.GradConfig = {
  kernelName: 'FusedBatchNorm',
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const [x, mean, variance, scale] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor | undefined];
    const { varianceEpsilon } = attrs as unknown as tf.FusedBatchNormAttrs;
    const g = dy as tf.Tensor;
    // Small (parameter-shaped) tensors, and the two full-size products every gradient but dx needs.
    // They live until the enclosing gradient computation ends (its tidy disposes them).
    const inverseStd = tf.rsqrt(tf.add(variance, varianceEpsilon));
    const scaled = scale === undefined ? inverseStd : tf.mul(inverseStd, scale);
    const centered = tf.sub(x, mean);
    const dyCentered = tf.mul(g, centered);
    centered.dispose();
    const inverseVarianceCubed = tf.mul(tf.pow(inverseStd, 3), -0.5);
    const varianceCoefficient = scale === undefined ? inverseVarianceCubed : tf.mul(inverseVarianceCubed, scale);
    return {
      x: () => tf.mul(g, scaled),
      mean: () => tf.neg(reduceScaled(g, scaled, mean.shape)),
      variance: () => reduceScaled(dyCentered, varianceCoefficient, variance.shape),
      scale: () => reduceScaled(dyCentered, inverseStd, (scale ?? mean).shape),
      // The offset is not saved; as in tfjs, it has the shape of the mean.
      offset: () => reduceToShape(g, mean.shape),
    };
  },
};
