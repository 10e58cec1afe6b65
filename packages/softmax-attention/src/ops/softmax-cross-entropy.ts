import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { logSoftmax, softmax } from './softmax.js';
import { requireTensor } from '../internal/validate.js';

/**
 * Cross-entropy of softmax(logits) against target distributions, per row:
 * `L = −Σ_i y_i log softmax(z)_i`, computed from log-sum-exp (stable for any logits).
 * Its gradient is `∂L/∂z = softmax(z)·Σ_i y_i − y`, the famous `softmax(z) − y` when the
 * row of y sums to 1; the op uses the general form as its backward pass, so rows that do
 * not sum to 1 (an all-zero padding row, a weighted target) get the true gradient.
 *
 * @param labels - target distributions `[..., n]` (one-hot or soft; usually rows sum to 1).
 * @param logits - unnormalised scores, same shape.
 * @returns the loss per row, shape `[...]`.
 * @throws ShapeError when the shapes differ.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { softmaxCrossEntropy } from '@dl/softmax-attention';
 * console.log(await softmaxCrossEntropy(tf.tensor2d([[0, 1]]), tf.tensor2d([[0, 0]])).array()); // [0.6931]
 * ```
 */
export function softmaxCrossEntropy(labels: tf.Tensor, logits: tf.Tensor): tf.Tensor {
  requireTensor(labels, 'labels');
  requireTensor(logits, 'logits');
  if (labels.shape.length !== logits.shape.length || labels.shape.some((d, i) => d !== logits.shape[i])) {
    throw new ShapeError({ package: 'softmax-attention', argument: 'labels', expected: `the shape of logits [${logits.shape.join(',')}]`, actual: labels.shape });
  }
  const loss = tf.customGrad(((...args: tf.Tensor[]) => {
    const [y, z] = args as [tf.Tensor, tf.Tensor];
    const value = tf.neg(tf.sum(tf.mul(y, logSoftmax(z)), -1));
    const gradFunc = (dy: tf.Tensor): tf.Tensor[] => {
      const upstream = tf.expandDims(dy, -1);
      // ∂L/∂z = (softmax(z)·Σy − y) · dy; ∂L/∂y = −log softmax(z) · dy.
      const total = tf.sum(y, -1, true);
      return [tf.mul(tf.neg(logSoftmax(z)), upstream), tf.mul(tf.sub(tf.mul(softmax(z), total), y), upstream)];
    };
    return { value, gradFunc };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return loss(labels, logits);
}
