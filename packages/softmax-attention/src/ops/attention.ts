import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';
import { softmax } from './softmax.js';
import { rejectUnknownKeys, requireBroadcastable, requireRate, requireTensor } from '../internal/validate.js';

/** Options of {@link scaledDotProductAttention}. */
export interface AttentionOptions {
  /** 1/true = query i may attend to key j; broadcasts to `[..., Lq, Lk]`. */
  readonly mask?: tf.Tensor;
  /** Forbid attending to later keys: query i sees keys j <= i (aligned at the start). Default false. */
  readonly causal?: boolean;
  /** Dropout rate on the attention weights (applied to the output only). Default 0. */
  readonly dropout?: number;
  /** Seed for the dropout mask. */
  readonly seed?: number;
}

/** Output and weights of {@link scaledDotProductAttention}. */
export interface AttentionResult {
  /** `weights · V`, shape `[..., Lq, dv]`. */
  readonly output: tf.Tensor;
  /** `softmax(QKᵀ/√d_k)` with the mask applied, shape `[..., Lq, Lk]`, before dropout. */
  readonly weights: tf.Tensor;
}

/**
 * Scaled dot-product attention (Vaswani et al., 2017):
 * `weights = softmax(Q Kᵀ / √d_k)`, `output = weights · V`.
 * Dividing by √d_k keeps the scores' variance near 1 when the components of q and k have
 * unit variance (a dot product of d_k such terms has variance d_k), so the softmax does
 * not saturate and its gradients do not vanish.
 *
 * Masked keys get weight exactly 0; a query with no visible key gets all-zero weights
 * and a zero output (see `softmax`).
 *
 * @param q - queries `[..., Lq, d_k]`.
 * @param k - keys `[..., Lk, d_k]`.
 * @param v - values `[..., Lk, d_v]`.
 * @param options - see {@link AttentionOptions}.
 * @param options.mask - 1/true = may attend; broadcasts to `[..., Lq, Lk]`.
 * @param options.causal - query i attends only to keys j <= i.
 * @param options.dropout - dropout rate on the weights, in [0, 1).
 * @param options.seed - dropout seed.
 * @returns `{ output, weights }`; the caller disposes both.
 * @throws ShapeError when the shapes do not line up; ConfigError for a bad dropout rate.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { scaledDotProductAttention } from '@dl/softmax-attention';
 * const q = tf.randomNormal([2, 5, 8]);
 * const { output, weights } = scaledDotProductAttention(q, q, q, { causal: true });
 * output.shape;  // [2, 5, 8]
 * weights.shape; // [2, 5, 5]; row i is zero beyond column i
 * ```
 */
export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, options: AttentionOptions = {}): AttentionResult {
  rejectUnknownKeys(options, ['mask', 'causal', 'dropout', 'seed'], { kind: 'option', where: 'scaledDotProductAttention' });
  if (options.causal !== undefined && typeof options.causal !== 'boolean') {
    throw new ConfigError({ package: 'softmax-attention', path: 'causal', value: options.causal, expected: 'a boolean' });
  }
  requireTensor(q, 'q', 2);
  requireTensor(k, 'k', 2);
  requireTensor(v, 'v', 2);
  const depth = q.shape.at(-1) as number;
  if (k.shape.at(-1) !== depth) {
    throw new ShapeError({ package: 'softmax-attention', argument: 'k', expected: `last dimension ${depth} (that of q)`, actual: k.shape });
  }
  if (v.shape.at(-2) !== k.shape.at(-2)) {
    throw new ShapeError({ package: 'softmax-attention', argument: 'v', expected: `${k.shape.at(-2)} positions (those of k) on axis -2`, actual: v.shape });
  }
  const dropout = requireRate(options.dropout ?? 0, 'dropout');
  const lq = q.shape.at(-2) as number;
  const lk = k.shape.at(-2) as number;
  if (options.mask !== undefined) {
    requireTensor(options.mask, 'mask', 0);
    requireBroadcastable(options.mask, [...q.shape.slice(0, -2), lq, lk]);
  }
  return tf.tidy(() => {
    const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(depth));
    const mask = combineMasks(options.mask, options.causal === true ? causalMask(lq, lk) : undefined);
    const weights = softmax(scores, mask === undefined ? {} : { mask });
    const used = dropout > 0 ? tf.dropout(weights, dropout, undefined, options.seed) : weights;
    return { output: tf.matMul(used, v), weights };
  });
}

/**
 * A `[lq, lk]` 0/1 mask with ones on and below the diagonal (query i sees keys j <= i).
 *
 * @example
 * ```ts
 * import { causalMask } from '@dl/softmax-attention';
 * console.log(await causalMask(2, 3).array()); // [[1, 0, 0], [1, 1, 0]]
 * ```
 */
export function causalMask(lq: number, lk: number): tf.Tensor2D {
  return tf.tidy(() => tf.linalg.bandPart(tf.ones([lq, lk]), -1, 0) as tf.Tensor2D);
}

function combineMasks(a: tf.Tensor | undefined, b: tf.Tensor | undefined): tf.Tensor | undefined {
  if (a === undefined) return b;
  const keepA = a.dtype === 'bool' ? tf.cast(a, 'float32') : tf.notEqual(a, 0).toFloat();
  return b === undefined ? keepA : tf.mul(keepA, b);
}
