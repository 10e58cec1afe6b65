import * as tf from '@tensorflow/tfjs';
import { applyActivation } from './activations.js';
import { checkCellOptions, type CellActivations, type CellWeights } from './cell-weights.js';

/** Options of {@link gruCell}. */
export interface GruCellOptions extends CellActivations {
  /**
   * Apply the reset gate after the recurrent product (Keras's default since TF2, what
   * PyTorch and cuDNN compute; bias `[2, 3u]`) instead of before it (the original GRU of Cho
   * et al. 2014, Keras 1 and tfjs-layers; bias `[3u]`). Default `true`.
   */
  readonly resetAfter?: boolean;
}

/**
 * One step of a GRU cell in the Keras layout (gates z, r, h along the last axis), with
 * σ the `recurrentActivation` (default `'sigmoid'`) and act the `activation` (default `'tanh'`):
 *
 * - `resetAfter: true`: `x̂ = x·W + b₀`, `ĥ = (h⊙m)·U + b₁`; `z = σ(x̂_z + ĥ_z)`,
 *   `r = σ(x̂_r + ĥ_r)`, `n = act(x̂_h + r⊙ĥ_h)`.
 * - `resetAfter: false`: `z`, `r` as above with one bias; `n = act(x̂_h + (r⊙h⊙m)·U_h)`.
 *
 * and in both `h' = z⊙h + (1 − z)⊙n` (Keras's convention; PyTorch's is the same formula).
 * tfjs ops, differentiable by autodiff: the reference of the fused layers.
 *
 * @param x - inputs at this step, `[batch, inputDim]`.
 * @param h - previous state, `[batch, units]`.
 * @param weights - `kernel [inputDim, 3u]`, `recurrentKernel [u, 3u]`, `bias` (see {@link CellWeights}).
 * @param options - activations, `resetAfter`, an optional recurrent dropout mask.
 * @returns the new state, `[batch, units]`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { gruCell } from '@dl/recurrent';
 * const h = gruCell(tf.ones([2, 3]), tf.zeros([2, 4]), {
 *   kernel: tf.randomNormal([3, 12]), recurrentKernel: tf.randomNormal([4, 12]), bias: tf.zeros([2, 12]),
 * });
 * ```
 */
export function gruCell(x: tf.Tensor, h: tf.Tensor, weights: CellWeights, options: GruCellOptions = {}): tf.Tensor {
  checkCellOptions(options, 'gruCell', ['resetAfter']);
  return tf.tidy(() => {
    const resetAfter = options.resetAfter ?? true;
    const gate = options.recurrentActivation ?? 'sigmoid';
    const units = h.shape[1] as number;
    const hm = options.recurrentMask === undefined ? h : tf.mul(h, options.recurrentMask);
    const [inputBias, recurrentBias] =
      weights.bias === undefined ? [undefined, undefined] : resetAfter ? (tf.unstack(weights.bias) as [tf.Tensor, tf.Tensor]) : [weights.bias, undefined];
    let xProj = tf.matMul(x, weights.kernel);
    if (inputBias !== undefined) xProj = tf.add(xProj, inputBias);
    const [xz, xr, xh] = tf.split(xProj, 3, -1) as [tf.Tensor, tf.Tensor, tf.Tensor];
    let candidateInput: tf.Tensor;
    let z: tf.Tensor;
    if (resetAfter) {
      let hProj = tf.matMul(hm, weights.recurrentKernel);
      if (recurrentBias !== undefined) hProj = tf.add(hProj, recurrentBias);
      const [hz, hr, hh] = tf.split(hProj, 3, -1) as [tf.Tensor, tf.Tensor, tf.Tensor];
      z = applyActivation(gate, tf.add(xz, hz));
      const r = applyActivation(gate, tf.add(xr, hr));
      candidateInput = tf.add(xh, tf.mul(r, hh));
    } else {
      const uZr = tf.slice(weights.recurrentKernel, [0, 0], [units, 2 * units]);
      const uH = tf.slice(weights.recurrentKernel, [0, 2 * units], [units, units]);
      const [hz, hr] = tf.split(tf.matMul(hm, uZr), 2, -1) as [tf.Tensor, tf.Tensor];
      z = applyActivation(gate, tf.add(xz, hz));
      const r = applyActivation(gate, tf.add(xr, hr));
      candidateInput = tf.add(xh, tf.matMul(tf.mul(r, hm), uH));
    }
    const candidate = applyActivation(options.activation ?? 'tanh', candidateInput);
    return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), candidate));
  });
}
