import * as tf from '@tensorflow/tfjs';
import { parseOptions, ShapeError } from '@dl/core';
import * as v from 'valibot';

/** Options of {@link smoothL1Loss}. */
export interface SmoothL1Options {
  /** Where the loss turns from quadratic to linear: a number > 0. Default 1 (PyTorch's default). */
  readonly beta?: number;
}

const OptionsSchema = v.strictObject({
  beta: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0)), 1),
});

/**
 * The smooth L1 loss of Fast R-CNN (Girshick 2015), PyTorch's `smooth_l1_loss` with
 * `reduction: 'mean'`: for each element `d = predicted − true`,
 * `0.5·d²/β` when `|d| < β` and `|d| − 0.5·β` otherwise, averaged over all elements. Quadratic
 * near 0 (a gradient that shrinks as the fit gets exact), linear beyond `β` (a bounded gradient,
 * so that a few far-off boxes early in training do not dominate). It equals Keras's `Huber`
 * loss with `delta = β`, divided by `β`.
 *
 * @param trueValues - targets, e.g. boxes `[batch, 4]`.
 * @param predicted - predictions of the same shape.
 * @param options - see {@link SmoothL1Options}.
 * @param options.beta - the quadratic-to-linear threshold, > 0; default 1.
 * @returns a scalar.
 * @throws ShapeError when the shapes differ; ConfigError for a bad option.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { smoothL1Loss } from '@dl/conv';
 * console.log(await smoothL1Loss(tf.tensor1d([0, 0]), tf.tensor1d([0.5, 3])).data()); // [(0.125 + 2.5) / 2] = [1.3125]
 * ```
 */
export function smoothL1Loss(trueValues: tf.Tensor, predicted: tf.Tensor, options: SmoothL1Options = {}): tf.Scalar {
  const { beta } = parseOptions(OptionsSchema, options, { package: 'conv' });
  if (!tf.util.arraysEqual(trueValues.shape, predicted.shape)) {
    throw new ShapeError({ package: 'conv', argument: 'predicted', expected: `[${trueValues.shape.join(', ')}] (the shape of trueValues)`, actual: predicted.shape });
  }
  return tf.tidy(() => {
    const absolute = tf.abs(tf.sub(predicted, trueValues));
    // min(|d|, β) = q: (0.5·q² + β·(|d| − q)) / β is 0.5·d²/β inside β and |d| − 0.5·β outside, without a branch.
    const quadratic = tf.minimum(absolute, beta);
    const perElement = tf.div(tf.add(tf.mul(0.5, tf.square(quadratic)), tf.mul(beta, tf.sub(absolute, quadratic))), beta);
    return tf.mean(perElement) as tf.Scalar;
  });
}
