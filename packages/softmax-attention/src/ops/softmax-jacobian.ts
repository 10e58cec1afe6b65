import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { softmax } from './softmax.js';
import { requireTensor } from '../internal/validate.js';

/**
 * The Jacobian of softmax over the last axis: for `s = softmax(x)`,
 * `J[i][j] = ∂s_i/∂x_j = s_i (δ_ij − s_j)`, i.e. `J = diag(s) − s sᵀ` for every row.
 * (The seed's `s ⊙ (s − 1)` has the wrong sign on the diagonal and no cross terms.)
 * Each J is symmetric, its rows sum to 0, and it is singular (softmax ignores a constant
 * shift of x).
 *
 * @param x - logits of shape `[..., n]`.
 * @returns Jacobians of shape `[..., n, n]`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { softmaxJacobian } from '@dl/softmax-attention';
 * console.log(await softmaxJacobian(tf.tensor1d([0, 0])).array()); // [[0.25, -0.25], [-0.25, 0.25]]
 * ```
 */
export function softmaxJacobian(x: tf.Tensor): tf.Tensor {
  requireTensor(x, 'x');
  return tf.tidy(() => {
    const s = softmax(x);
    const column = tf.expandDims(s, -1);
    const row = tf.expandDims(s, -2);
    const n = x.shape.at(-1) as number;
    const diagonal = tf.mul(column, tf.eye(n));
    return tf.sub(diagonal, tf.mul(column, row));
  });
}

/**
 * The vector-Jacobian product of softmax, the backward pass in closed form:
 * `dx = Jᵀ dy = s ⊙ (dy − Σ_j dy_j s_j)` per row, in O(n) instead of the O(n²) of
 * forming `J`.
 *
 * @param s - softmax outputs `[..., n]` (probabilities).
 * @param dy - upstream gradient, same shape as `s`.
 * @returns `∂L/∂x`, same shape as `s`.
 * @throws ShapeError when `s` and `dy` differ in shape.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { softmax, softmaxVjp } from '@dl/softmax-attention';
 * const s = softmax(tf.tensor1d([1, 2, 3]));
 * console.log(await softmaxVjp(s, tf.tensor1d([1, 1, 1])).array()); // [0, 0, 0]: a uniform push changes nothing
 * ```
 */
export function softmaxVjp(s: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  requireTensor(s, 's');
  requireTensor(dy, 'dy');
  if (s.shape.length !== dy.shape.length || s.shape.some((d, i) => d !== dy.shape[i])) {
    throw new ShapeError({ package: 'softmax-attention', argument: 'dy', expected: `the shape of s [${s.shape.join(',')}]`, actual: dy.shape });
  }
  return tf.tidy(() => tf.mul(s, tf.sub(dy, tf.sum(tf.mul(dy, s), -1, true))));
}
