import * as tf from '@tensorflow/tfjs';
import { applyActivation } from './activations.js';
import { checkCellOptions, type CellActivations, type CellWeights } from './cell-weights.js';

/**
 * One step of a SimpleRNN (Elman) cell: `h' = activation(x·W + (h⊙m)·U + b)`, with tfjs ops
 * (differentiable by autodiff). The fused layers compute the same numbers for a whole
 * sequence at once; this is their reference and the path for backends without fast reads.
 *
 * @param x - inputs at this step, `[batch, inputDim]`.
 * @param h - previous state, `[batch, units]`.
 * @param weights - `kernel [inputDim, units]`, `recurrentKernel [units, units]`, `bias [units]`.
 * @param options - `activation` (default `'tanh'`) and an optional recurrent dropout mask.
 * @returns the new state, `[batch, units]`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { simpleRnnCell } from '@dl/recurrent';
 * const h = simpleRnnCell(tf.ones([2, 3]), tf.zeros([2, 4]), {
 *   kernel: tf.randomNormal([3, 4]), recurrentKernel: tf.randomNormal([4, 4]), bias: tf.zeros([4]),
 * }); // [2, 4]
 * ```
 */
export function simpleRnnCell(x: tf.Tensor, h: tf.Tensor, weights: CellWeights, options: CellActivations = {}): tf.Tensor {
  checkCellOptions(options, 'simpleRnnCell');
  return tf.tidy(() => {
    const recurrentInput = options.recurrentMask === undefined ? h : tf.mul(h, options.recurrentMask);
    let z = tf.add(tf.matMul(x, weights.kernel), tf.matMul(recurrentInput, weights.recurrentKernel));
    if (weights.bias !== undefined) z = tf.add(z, weights.bias);
    return applyActivation(options.activation ?? 'tanh', z);
  });
}
