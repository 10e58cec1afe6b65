import * as tf from '@tensorflow/tfjs';
import { applyActivation } from './activations.js';
import { checkCellOptions, type CellActivations, type CellWeights } from './cell-weights.js';

/**
 * One step of an LSTM cell in the Keras layout (gates i, f, c, o along the last axis):
 *
 * `z = x·W + (h⊙m)·U + b`; `i = σ(z_i)`, `f = σ(z_f)`, `g = act(z_c)`, `o = σ(z_o)`;
 * `c' = f⊙c + i⊙g`; `h' = o⊙act(c')`,
 *
 * with σ the `recurrentActivation` (default `'sigmoid'`) and act the `activation` (default
 * `'tanh'`). tfjs ops, differentiable by autodiff: the reference of the fused layers.
 *
 * @param x - inputs at this step, `[batch, inputDim]`.
 * @param state - `[h, c]`, each `[batch, units]`.
 * @param weights - `kernel [inputDim, 4u]`, `recurrentKernel [u, 4u]`, `bias [4u]`.
 * @param options - activations and an optional recurrent dropout mask.
 * @returns `[h', c']`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { lstmCell } from '@dl/recurrent';
 * const [h, c] = lstmCell(tf.ones([2, 3]), [tf.zeros([2, 4]), tf.zeros([2, 4])], {
 *   kernel: tf.randomNormal([3, 16]), recurrentKernel: tf.randomNormal([4, 16]), bias: tf.zeros([16]),
 * });
 * ```
 */
export function lstmCell(x: tf.Tensor, state: readonly [tf.Tensor, tf.Tensor], weights: CellWeights, options: CellActivations = {}): [tf.Tensor, tf.Tensor] {
  checkCellOptions(options, 'lstmCell');
  return tf.tidy(() => {
    const [h, c] = state;
    const recurrentInput = options.recurrentMask === undefined ? h : tf.mul(h, options.recurrentMask);
    let z = tf.add(tf.matMul(x, weights.kernel), tf.matMul(recurrentInput, weights.recurrentKernel));
    if (weights.bias !== undefined) z = tf.add(z, weights.bias);
    const [zi, zf, zc, zo] = tf.split(z, 4, -1) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
    const gate = options.recurrentActivation ?? 'sigmoid';
    const activation = options.activation ?? 'tanh';
    const nextC = tf.add(tf.mul(applyActivation(gate, zf), c), tf.mul(applyActivation(gate, zi), applyActivation(activation, zc)));
    const nextH = tf.mul(applyActivation(gate, zo), applyActivation(activation, nextC));
    return [nextH, nextC];
  });
}
