import * as tf from '@tensorflow/tfjs';
import { shiftedLogits } from './masked-max.js';
import { rejectUnknownKeys, requireBroadcastable, requirePositive, requireTensor, resolveAxis } from '../internal/validate.js';

/** Options of {@link softmax} and {@link logSoftmax}. */
export interface SoftmaxOptions {
  /** Axis to normalise over. Default `-1` (the last). */
  readonly axis?: number;
  /** Divides the logits first: > 1 flattens the distribution, < 1 sharpens it. Default `1`. */
  readonly temperature?: number;
  /**
   * Which positions take part: a bool or 0/1 tensor that broadcasts to `x` (1 = keep).
   * Masked positions get exactly 0 probability (`-Infinity` in log space).
   */
  readonly mask?: tf.Tensor;
}

/**
 * Softmax along one axis, `exp(z_i) / Σ_j exp(z_j)` with `z = x / temperature`,
 * computed stably: each row's own maximum (over kept positions) is subtracted first, so
 * rows of very different scale neither overflow nor underflow — the seed's global
 * `x - max(x)` turns `[[1000, 1001], [0, 1]]` into a NaN row; this gives
 * `[[0.269, 0.731], [0.269, 0.731]]`.
 *
 * With a mask, masked positions get weight exactly 0. A row whose positions are all
 * masked returns all zeros (not NaN, not uniform): nothing may be attended to, so
 * nothing is; its gradient is zero too.
 *
 * @param x - logits, any rank >= 1.
 * @param options - see {@link SoftmaxOptions}.
 * @param options.axis - axis to normalise over (default -1).
 * @param options.temperature - divides the logits (default 1).
 * @param options.mask - 1/true = keep; broadcasts to `x`.
 * @returns probabilities with the shape of `x`, summing to 1 along `axis` (0 for fully masked rows).
 * @throws ConfigError for a bad axis or temperature; ShapeError for a mask that does not broadcast.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { softmax } from '@dl/softmax-attention';
 * console.log(await softmax(tf.tensor2d([[1000, 1001], [0, 1]])).array()); // [[0.2689, 0.7311], [0.2689, 0.7311]]
 * console.log(await softmax(tf.tensor1d([1, 2, 3]), { mask: tf.tensor1d([1, 1, 0]) }).array()); // [0.2689, 0.7311, 0]
 * ```
 */
export function softmax(x: tf.Tensor, options: SoftmaxOptions = {}): tf.Tensor {
  const { axis, z, mask } = prepare(x, options);
  return tf.tidy(() => {
    const { shifted, keep, anyKept } = shiftedLogits(z(), axis, mask);
    if (keep === undefined || anyKept === undefined) {
      const e = tf.exp(shifted);
      return tf.div(e, tf.sum(e, axis, true));
    }
    const e = tf.mul(tf.exp(shifted), keep);
    return tf.div(e, nonZero(tf.sum(e, axis, true), anyKept));
  });
}

/**
 * Log-softmax along one axis, `z_i - logΣ_j exp(z_j)` with the row maximum subtracted
 * first (log-sum-exp), which is both stable and more accurate than `log(softmax(x))` for
 * very negative log-probabilities. Masked positions are `-Infinity`; so is every entry
 * of a fully masked row. Gradients stay finite.
 *
 * @param x - logits, any rank >= 1.
 * @param options - see {@link SoftmaxOptions}.
 * @param options.axis - axis to normalise over (default -1).
 * @param options.temperature - divides the logits (default 1).
 * @param options.mask - 1/true = keep; broadcasts to `x`.
 * @returns log-probabilities with the shape of `x`.
 * @throws ConfigError for a bad axis or temperature; ShapeError for a mask that does not broadcast.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { logSoftmax } from '@dl/softmax-attention';
 * console.log(await logSoftmax(tf.tensor1d([0, 0])).array()); // [-0.6931, -0.6931]
 * console.log(await logSoftmax(tf.tensor1d([-1000, 0])).array()); // [-1000, 0]  (log(softmax) would give -Infinity)
 * ```
 */
export function logSoftmax(x: tf.Tensor, options: SoftmaxOptions = {}): tf.Tensor {
  const { axis, z, mask } = prepare(x, options);
  return tf.tidy(() => {
    const { shifted, keep, anyKept } = shiftedLogits(z(), axis, mask);
    if (keep === undefined || anyKept === undefined) return tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), axis, true)));
    const total = tf.sum(tf.mul(tf.exp(shifted), keep), axis, true);
    const result = tf.sub(shifted, tf.log(nonZero(total, anyKept)));
    return tf.where(tf.greater(keep, 0), result, tf.fill(result.shape, Number.NEGATIVE_INFINITY));
  });
}

function prepare(x: tf.Tensor, options: SoftmaxOptions): { axis: number; z: () => tf.Tensor; mask: tf.Tensor | undefined } {
  requireTensor(x, 'x');
  rejectUnknownKeys(options, ['axis', 'temperature', 'mask'], { kind: 'option', where: 'softmax' });
  const axis = resolveAxis(options.axis ?? -1, x.rank);
  const temperature = options.temperature ?? 1;
  requirePositive(temperature, 'temperature');
  if (options.mask !== undefined) {
    requireTensor(options.mask, 'mask', 0);
    requireBroadcastable(options.mask, x.shape);
  }
  const z = (): tf.Tensor => (temperature === 1 ? x : tf.div(x, temperature));
  return { axis, z, mask: options.mask };
}

/**
 * The row totals with the zeros of fully masked rows replaced by 1 (their numerators are
 * all 0). A `where`, not a `maximum` with a tiny floor: d(e/t)/dt = -e/t² would be
 * 0/0 = NaN there in float32.
 */
function nonZero(total: tf.Tensor, anyKept: tf.Tensor): tf.Tensor {
  return tf.where(anyKept, total, tf.onesLike(total));
}
