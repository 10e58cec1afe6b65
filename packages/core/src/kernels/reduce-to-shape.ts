import * as tf from '@tensorflow/tfjs';

/**
 * Sums `gradient` down to `shape`, the shape of an operand that was broadcast: over the
 * leading axes the operand lacked, and over the axes where it had size 1. Returns
 * `gradient` itself when nothing was broadcast.
 *
 * @example
 * ```ts
 * console.log(await reduceToShape(tf.ones([2, 3, 4]), [3, 1]).array()); // [[8], [8], [8]]
 * ```
 */
export function reduceToShape(gradient: tf.Tensor, shape: readonly number[]): tf.Tensor {
  const extra = gradient.rank - shape.length;
  const axes: number[] = [];
  for (let axis = 0; axis < gradient.rank; axis++) {
    if (axis < extra || (shape[axis - extra] === 1 && gradient.shape[axis] !== 1)) axes.push(axis);
  }
  if (axes.length === 0 && extra === 0) return gradient;
  return tf.sum(gradient, axes, true).reshape(shape as number[]);
}
