import * as tf from '@tensorflow/tfjs';
import { parseOptions, ShapeError } from '@dl/core';
import * as v from 'valibot';
import { iouLoss } from './iou.js';
import { smoothL1Loss } from './smooth-l1.js';

/**
 * The box losses of {@link boxLoss} and `createSingleObjectDetector`.
 *
 * @example
 * ```ts
 * import { boxLossNames, createSingleObjectDetector } from '@dl/conv';
 * boxLossNames; // ['smoothL1', 'iou', 'smoothL1+iou']
 * const models = boxLossNames.map((boxLoss) => createSingleObjectDetector({ inputShape: [32, 32, 1], numClasses: 3, boxLoss, seed: 1 }));
 * ```
 */
export const boxLossNames = ['smoothL1', 'iou', 'smoothL1+iou'] as const;

/** A name from {@link boxLossNames}. */
export type BoxLossName = (typeof boxLossNames)[number];

/** Options of {@link boxLoss}. */
export interface BoxLossOptions {
  /** Which loss: `'smoothL1'`, `'iou'` or their sum `'smoothL1+iou'` (the default). */
  readonly loss?: BoxLossName;
  /** Factor of the whole box loss: a number >= 0. Default 1. */
  readonly weight?: number;
  /** Smooth L1's quadratic-to-linear threshold, in normalized coordinates: > 0. Default 0.1 (a tenth of the image). */
  readonly beta?: number;
}

const OptionsSchema = v.strictObject({
  loss: v.optional(v.picklist(boxLossNames), 'smoothL1+iou'),
  weight: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0)), 1),
  beta: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0)), 0.1),
});

/**
 * The box-regression loss of a single-object detector, on boxes `[yMin, xMin, yMax, xMax]`
 * normalized to [0, 1]: `weight · L`, where `L` is
 * - `'smoothL1'`: {@link smoothL1Loss} of the coordinates (mean over boxes and coordinates);
 * - `'iou'`: {@link iouLoss}, `mean(1 − IoU)`;
 * - `'smoothL1+iou'`: their sum.
 *
 * Why the sum is the default: the IoU loss measures what detection is scored by and does not
 * depend on a box's size (a one-pixel miss costs a small box as much as the same fraction of a
 * large one), but its gradient is exactly 0 while a predicted box does not overlap its target
 * (and inverted predictions, `yMax < yMin`, are empty boxes with no gradient either); smooth L1
 * always pulls every coordinate towards its target, so it gets boxes to overlap and keeps them
 * well-formed, after which the IoU term refines them. `createSingleObjectDetector`'s README
 * section gives the measured comparison on `shapesDataset`.
 *
 * @param trueBoxes - `[batch, 4]`.
 * @param predictedBoxes - `[batch, 4]`.
 * @param options - see {@link BoxLossOptions}.
 * @param options.loss - `'smoothL1'`, `'iou'` or `'smoothL1+iou'` (default).
 * @param options.weight - factor, >= 0; default 1.
 * @param options.beta - smooth L1's threshold, > 0; default 0.1.
 * @returns a scalar.
 * @throws ShapeError when the boxes are not both `[batch, 4]` of one shape; ConfigError naming a bad option.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { boxLoss } from '@dl/conv';
 * const truth = tf.tensor2d([[0.1, 0.1, 0.5, 0.5]]);
 * console.log(await boxLoss(truth, tf.tensor2d([[0.1, 0.1, 0.5, 0.5]])).data()); // [0]
 * console.log(await boxLoss(truth, tf.tensor2d([[0.1, 0.3, 0.5, 0.7]]), { loss: 'iou' }).data()); // [1 − 1/3]
 * ```
 */
export function boxLoss(trueBoxes: tf.Tensor, predictedBoxes: tf.Tensor, options: BoxLossOptions = {}): tf.Scalar {
  const { loss, weight, beta } = parseOptions(OptionsSchema, options, { package: 'conv' });
  for (const [argument, boxes] of [['trueBoxes', trueBoxes], ['predictedBoxes', predictedBoxes]] as const) {
    if (boxes.rank !== 2 || boxes.shape[1] !== 4 || boxes.shape[0] !== trueBoxes.shape[0]) {
      throw new ShapeError({ package: 'conv', argument, expected: `[batch, 4] boxes [yMin, xMin, yMax, xMax] (batch ${trueBoxes.shape[0]}, from trueBoxes)`, actual: boxes.shape });
    }
  }
  return tf.tidy(() => {
    const terms: tf.Scalar[] = [];
    if (loss !== 'iou') terms.push(smoothL1Loss(trueBoxes, predictedBoxes, { beta }));
    if (loss !== 'smoothL1') terms.push(iouLoss(trueBoxes, predictedBoxes));
    return tf.mul(weight, tf.addN(terms)) as tf.Scalar;
  });
}
