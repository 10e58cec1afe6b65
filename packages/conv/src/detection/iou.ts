import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';

/**
 * Intersection over union of boxes `[..., 4]` in the convention `[yMin, xMin, yMax, xMax]`
 * (TensorFlow's, and `shapesDataset`'s in @dl/data; normalized to [0, 1] or in pixels, both
 * the same). `a` and `b` broadcast. A box with `yMax < yMin` (or `xMax < xMin`) has area 0;
 * two empty boxes have IoU 0, not NaN.
 *
 * @param a - boxes `[..., 4]`.
 * @param b - boxes `[..., 4]`.
 * @returns IoU `[...]`, in [0, 1]; differentiable (its gradient is used by {@link iouLoss}).
 * @throws ShapeError when the last axis is not 4.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { iou } from '@dl/conv';
 * iou(tf.tensor2d([[0, 0, 1, 1]]), tf.tensor2d([[0, 0.5, 1, 1.5]])); // [1/3]
 * ```
 */
export function iou(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  for (const [argument, boxes] of [['a', a], ['b', b]] as const) {
    if (boxes.rank < 1 || boxes.shape[boxes.rank - 1] !== 4) {
      throw new ShapeError({ package: 'conv', argument, expected: '[..., 4] boxes [yMin, xMin, yMax, xMax]', actual: boxes.shape });
    }
  }
  return tf.tidy(() => {
    const [ay0, ax0, ay1, ax1] = tf.unstack(a, -1) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
    const [by0, bx0, by1, bx1] = tf.unstack(b, -1) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
    const area = (y0: tf.Tensor, x0: tf.Tensor, y1: tf.Tensor, x1: tf.Tensor) => tf.mul(tf.relu(tf.sub(y1, y0)), tf.relu(tf.sub(x1, x0)));
    const intersection = area(tf.maximum(ay0, by0), tf.maximum(ax0, bx0), tf.minimum(ay1, by1), tf.minimum(ax1, bx1));
    const union = tf.sub(tf.add(area(ay0, ax0, ay1, ax1), area(by0, bx0, by1, bx1)), intersection);
    // 0/0 for two empty boxes: IoU 0.
    return tf.div(intersection, tf.maximum(union, 1e-12));
  });
}

/**
 * The IoU loss `mean(1 − IoU(predicted, true))` for box regression (Yu et al. 2016): unlike
 * an L1 or L2 loss on the coordinates, it does not depend on the box's size or position, only on
 * the overlap that detection is scored by. Its gradient is 0 for boxes that do not overlap at
 * all, so detectors combine it with (or start from) a coordinate loss such as smooth L1.
 *
 * @param trueBoxes - `[batch, 4]`.
 * @param predictedBoxes - `[batch, 4]`.
 * @returns a scalar.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { iouLoss } from '@dl/conv';
 * iouLoss(tf.tensor2d([[0, 0, 1, 1]]), tf.tensor2d([[0, 0, 1, 1]])); // 0
 * ```
 */
export function iouLoss(trueBoxes: tf.Tensor, predictedBoxes: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.sub(1, iou(trueBoxes, predictedBoxes))) as tf.Scalar);
}
