import * as tf from '@tensorflow/tfjs';
import { ownOptimizer, parseOptions, seededInitializers } from '@dl/core';
import * as v from 'valibot';
import { boxLoss, boxLossNames, type BoxLossName } from '../detection/box-loss.js';
import { iou } from '../detection/iou.js';
import { applyConvBlocks, checkPools, ConvBlocksSchema, parseConvBlocks, positiveIntegerSchema, rateSchema, type ConvBlock, type ParsedConvBlock } from './conv-blocks.js';

/** The backbone of {@link createSingleObjectDetector}: conv blocks, then a shared dense layer. */
export interface DetectorBackbone {
  /** Default: three blocks of 32, 64 and 128 filters (one 3×3 conv each, batch norm, 2×2 pool). */
  readonly blocks?: readonly ConvBlock[];
  /** Units of the dense ReLU layer both heads read; 0 for none. Default 128. */
  readonly dense?: number;
  /** Dropout before the heads. Default 0. */
  readonly dropout?: number;
}

/** Options of {@link createSingleObjectDetector}. */
export interface SingleObjectDetectorOptions {
  /** `[height, width, channels]` of the images. Required. */
  readonly inputShape: readonly [number, number, number];
  /** Number of object classes, >= 2 (the class head is a softmax over them). Required. */
  readonly numClasses: number;
  /** See {@link DetectorBackbone}. */
  readonly backbone?: DetectorBackbone;
  /** `'smoothL1'`, `'iou'` or `'smoothL1+iou'` (see `boxLoss`). Default `'smoothL1+iou'`. */
  readonly boxLoss?: BoxLossName;
  /** Factor of the box loss against the class cross-entropy: >= 0. Default 1. */
  readonly boxLossWeight?: number;
  /** Adam's learning rate. Default 1e-3. */
  readonly learningRate?: number;
  /** Seeds every initializer (dropout masks draw from `Math.random`: wrap training in `withSeededRandom` for a repeatable run). */
  readonly seed?: number;
}

const defaultBlocks: ConvBlock[] = [{ filters: 32 }, { filters: 64 }, { filters: 128 }];

const BackboneSchema = v.strictObject({
  blocks: v.optional(ConvBlocksSchema),
  dense: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 128),
  dropout: v.optional(rateSchema, 0),
});
const OptionsSchema = v.strictObject({
  inputShape: v.tuple([positiveIntegerSchema, positiveIntegerSchema, positiveIntegerSchema]),
  numClasses: v.pipe(v.number(), v.integer(), v.minValue(2)),
  backbone: v.optional(BackboneSchema, {}),
  boxLoss: v.optional(v.picklist(boxLossNames), 'smoothL1+iou'),
  boxLossWeight: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0)), 1),
  learningRate: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0)), 1e-3),
  seed: v.optional(v.pipe(v.number(), v.finite())),
});

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<SingleObjectDetectorOptions, v.InferInput<typeof OptionsSchema>> = true;
const backboneMatchesSchema: SameKeys<DetectorBackbone, v.InferInput<typeof BackboneSchema>> = true;
void optionsMatchSchema;
void backboneMatchesSchema;

/**
 * A single-object detector: one conv backbone (the blocks of `createConvClassifier`: conv →
 * batch norm → ReLU → 2×2 max pool), flattened into a dense ReLU layer, and two heads on it:
 * - `class`: a softmax over `numClasses`, trained with sparse categorical cross-entropy;
 * - `box`: 4 sigmoid units, the box `[yMin, xMin, yMax, xMax]` normalized to [0, 1] (the
 *   convention of `iou` and of `shapesDataset`'s boxes), trained with
 *   `boxLossWeight · boxLoss` (see `boxLoss`).
 *
 * The total loss is `crossEntropy + boxLossWeight · box loss` (tfjs-layers has no `lossWeights`,
 * so the weight is inside the box loss; the logged `box_loss` includes it). The model is
 * compiled with Adam and reports `class_acc` and `box_meanIou` (mean IoU of predicted and true
 * boxes). Flattening, rather than global pooling, keeps where things are, which the box head
 * needs. Default box loss `'smoothL1+iou'`: on `shapesDataset` (32×32, 1,200 images, 8 epochs)
 * it gave a held-out mean IoU of 0.708, against 0.633 for smooth L1 alone and 0.708 for the IoU
 * loss alone (see the README): the IoU term scores what detection is judged by, independent of
 * box size, and smooth L1 supplies a gradient where the IoU loss has none (boxes that do not
 * overlap their target, or inverted ones). With the defaults, 3,000 `shapesDataset` images and
 * 7 epochs reach a held-out mean IoU of 0.83 and class accuracy 1.0
 * (`pnpm --filter @dl/examples detector`).
 *
 * tfjs-layers 4.22's `evaluate()` on this two-output model returns six values
 * `[class loss, total loss, class_loss, box_loss, class_acc, box_meanIou]` (and `fit`'s
 * validation logs are shifted alike: `val_loss` is the class loss); score with `predictBoxes`.
 *
 * @param options - see {@link SingleObjectDetectorOptions}.
 * @param options.inputShape - `[height, width, channels]`.
 * @param options.numClasses - classes, >= 2.
 * @param options.backbone - `{ blocks, dense, dropout }`; default three blocks (32, 64, 128 filters), dense 128, no dropout.
 * @param options.boxLoss - `'smoothL1'`, `'iou'` or `'smoothL1+iou'` (default).
 * @param options.boxLossWeight - factor of the box loss, default 1.
 * @param options.learningRate - Adam's learning rate, default 1e-3.
 * @param options.seed - seeds the initializers, so the same seed gives the same weights.
 * @returns a compiled `tf.LayersModel` with input `images` `[batch, h, w, c]` and outputs
 *   `[class, box]`: `[batch, numClasses]` probabilities and `[batch, 4]` boxes. Train it with
 *   `model.fit(images, { class: labels, box: boxes })` (labels: class ids `[batch]`).
 * @throws ConfigError naming the option, e.g. `backbone.blocks` when the pools would shrink the
 *   image below 1 pixel, or a misspelled key.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { createSingleObjectDetector, predictBoxes } from '@dl/conv';
 * import { shapesDataset } from '@dl/data';
 *
 * const data = shapesDataset({ count: 4000, size: 32, seed: 1 });
 * const images = tf.tensor4d(data.images, [4000, 32, 32, 1]);
 * const model = createSingleObjectDetector({ inputShape: [32, 32, 1], numClasses: 3, seed: 1 });
 * await model.fit(images, { class: tf.tensor1d(data.labels, 'float32'), box: tf.tensor2d(data.boxes, [4000, 4]) }, { epochs: 12, batchSize: 32 });
 * const { boxes, classes, scores } = predictBoxes(model, images); // Float32Array [4000 * 4], Int32Array [4000], Float32Array [4000]
 * ```
 */
export function createSingleObjectDetector(options: SingleObjectDetectorOptions): tf.LayersModel {
  const o = parseOptions(OptionsSchema, options, { package: 'conv' });
  const blocks: ParsedConvBlock[] = o.backbone.blocks ?? parseConvBlocks(defaultBlocks);
  checkPools(blocks, o.inputShape, 'backbone.blocks');
  const init = seededInitializers(o.seed);
  const input = tf.input({ shape: [...o.inputShape], name: 'images' });
  let x = applyConvBlocks(input, blocks, init);
  x = tf.layers.flatten({ name: 'flatten' }).apply(x) as tf.SymbolicTensor;
  if (o.backbone.dense > 0) {
    x = tf.layers.dense({ units: o.backbone.dense, activation: 'relu', kernelInitializer: init.next('heNormal'), name: 'dense' }).apply(x) as tf.SymbolicTensor;
  }
  if (o.backbone.dropout > 0) x = tf.layers.dropout({ rate: o.backbone.dropout, name: 'dropout' }).apply(x) as tf.SymbolicTensor;
  const classes = tf.layers.dense({ units: o.numClasses, activation: 'softmax', kernelInitializer: init.next('glorotUniform'), name: 'class' }).apply(x) as tf.SymbolicTensor;
  const boxes = tf.layers.dense({ units: 4, activation: 'sigmoid', kernelInitializer: init.next('glorotUniform'), name: 'box' }).apply(x) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: [classes, boxes], name: 'single_object_detector' });
  const lossSettings = { loss: o.boxLoss, weight: o.boxLossWeight };
  const weightedBoxLoss = (trueBoxes: tf.Tensor, predictedBoxes: tf.Tensor): tf.Tensor => boxLoss(trueBoxes, predictedBoxes, lossSettings);
  // tfjs-layers names a metric function by its `name`: the logs read `box_meanIou`.
  const meanIou = (trueBoxes: tf.Tensor, predictedBoxes: tf.Tensor): tf.Tensor => iou(trueBoxes, predictedBoxes);
  // tfjs-layers accepts a mix of names and functions per output (losses.get and metrics.get take
  // either); its types do not. The name 'sparseCategoricalCrossentropy' is what makes 'accuracy'
  // sparse categorical accuracy.
  model.compile({
    optimizer: tf.train.adam(o.learningRate),
    loss: { class: 'sparseCategoricalCrossentropy', box: weightedBoxLoss } as unknown as Record<string, string>,
    metrics: { class: 'accuracy', box: meanIou } as unknown as Record<string, string>,
  });
  return ownOptimizer(model); // model.dispose() frees Adam's state too
}
