import * as tf from '@tensorflow/tfjs';

/**
 * The inputs of a stable (masked) softmax along `axis`: the shifted logits `z - max(z)`
 * over kept positions (masked positions shifted by 0, so exp stays finite and gradients
 * stay NaN-free), the keep-mask as float (1 = keep), and whether each row keeps any
 * position; the last two are `undefined` without a mask.
 */
export function shiftedLogits(
  z: tf.Tensor,
  axis: number,
  mask: tf.Tensor | undefined,
): { shifted: tf.Tensor; keep: tf.Tensor | undefined; anyKept: tf.Tensor | undefined } {
  if (mask === undefined) return { shifted: tf.sub(z, tf.max(z, axis, true)), keep: undefined, anyKept: undefined };
  const keep = tf.broadcastTo(mask.dtype === 'bool' ? tf.cast(mask, 'float32') : tf.notEqual(mask, 0).toFloat(), z.shape);
  const isKept = tf.greater(keep, 0);
  const rowMax = tf.max(tf.where(isKept, z, tf.fill(z.shape, Number.NEGATIVE_INFINITY)), axis, true);
  // A fully masked row has max -Infinity; use 0 there (its weights are all zero anyway).
  // Conditions come from the mask, never from z: tfjs cannot differentiate comparisons.
  const anyKept = tf.greater(tf.sum(keep, axis, true), 0);
  const safeMax = tf.where(anyKept, rowMax, tf.zerosLike(rowMax));
  // Masked logits are replaced by the row max before exp: exp(0) = 1 is finite, so the
  // gradient 0 * exp(...) stays 0 instead of 0 * Infinity = NaN.
  const safeZ = tf.where(isKept, z, tf.broadcastTo(safeMax, z.shape));
  return { shifted: tf.sub(safeZ, safeMax), keep, anyKept };
}
