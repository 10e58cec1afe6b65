import * as tf from '@tensorflow/tfjs';
import { ConfigError, parseOptions, ShapeError } from '@dl/core';
import * as v from 'valibot';

/** Options of {@link predictBoxes}. */
export interface PredictBoxesOptions {
  /** Images per forward pass: an integer >= 1. Default 64. */
  readonly batchSize?: number;
}

/**
 * What {@link predictBoxes} returns for `n` images: plain typed arrays, row-major, in the
 * layout of `shapesDataset`'s `labels` and `boxes` (so that predictions and truth compare
 * element by element). No tensors.
 */
export interface BoxPredictions {
  /** `[n, 4]` boxes `[yMin, xMin, yMax, xMax]` normalized to [0, 1]: image `i`'s box is `boxes.subarray(4 * i, 4 * i + 4)`. */
  readonly boxes: Float32Array;
  /** `[n]` the most probable class of each image (the first on a tie). */
  readonly classes: Int32Array;
  /** `[n]` the class head's probability of that class. */
  readonly scores: Float32Array;
  /** `n`. */
  readonly count: number;
}

const OptionsSchema = v.strictObject({
  batchSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 64),
});

/**
 * Runs a single-object detector (a model with outputs named `class` and `box`, as
 * `createSingleObjectDetector` builds) on images, in batches, and returns its boxes, classes
 * and scores as typed arrays. Every intermediate tensor is disposed; `images` is left as is.
 *
 * @param model - a model with a `class` output `[batch, numClasses]` (probabilities) and a `box` output `[batch, 4]`.
 * @param images - `[n, h, w, c]` matching the model's input, or `[n, h, w]` when the model takes one channel.
 * @param options - see {@link PredictBoxesOptions}.
 * @param options.batchSize - images per forward pass, default 64.
 * @returns see {@link BoxPredictions}.
 * @throws ConfigError when the model has no `class` or `box` output, or for a bad option;
 *   ShapeError when `images` does not match the model's input.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { createSingleObjectDetector, predictBoxes } from '@dl/conv';
 * const model = createSingleObjectDetector({ inputShape: [32, 32, 1], numClasses: 3, seed: 1 });
 * const { boxes, classes, scores, count } = predictBoxes(model, tf.zeros([2, 32, 32, 1]));
 * count; // 2
 * boxes.length; // 8: [yMin, xMin, yMax, xMax] of image 0, then of image 1
 * ```
 */
export function predictBoxes(model: tf.LayersModel, images: tf.Tensor, options: PredictBoxesOptions = {}): BoxPredictions {
  const { batchSize } = parseOptions(OptionsSchema, options, { package: 'conv' });
  const classOutput = model.outputNames.indexOf('class');
  const boxOutput = model.outputNames.indexOf('box');
  if (classOutput === -1 || boxOutput === -1) {
    throw new ConfigError({ package: 'conv', path: 'model', value: `outputs [${model.outputNames.join(', ')}]`, expected: "a model with outputs named 'class' and 'box' (createSingleObjectDetector)" });
  }
  const inputShape = model.inputs[0]!.shape.slice(1);
  const withChannels = images.rank === 3 && inputShape[2] === 1 ? [...images.shape, 1] : images.shape;
  if (withChannels.length !== 4 || inputShape.some((d, i) => d !== null && d !== withChannels[i + 1])) {
    throw new ShapeError({ package: 'conv', argument: 'images', expected: `[n, ${inputShape.join(', ')}] (the model's input)${inputShape[2] === 1 ? ` or [n, ${inputShape.slice(0, 2).join(', ')}]` : ''}`, actual: images.shape });
  }
  const count = withChannels[0]!;
  const boxes = new Float32Array(count * 4);
  const classes = new Int32Array(count);
  const scores = new Float32Array(count);
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const [probabilities, batchBoxes] = tf.tidy(() => {
      const batch = tf.slice(images.reshape(withChannels), [start, 0, 0, 0], [size, -1, -1, -1]);
      const outputs = model.predict(batch) as tf.Tensor[];
      return [outputs[classOutput]!.dataSync() as Float32Array, outputs[boxOutput]!.dataSync() as Float32Array];
    });
    boxes.set(batchBoxes, start * 4);
    const numClasses = probabilities.length / size;
    for (let i = 0; i < size; i += 1) {
      let best = 0;
      for (let k = 1; k < numClasses; k += 1) if (probabilities[i * numClasses + k]! > probabilities[i * numClasses + best]!) best = k;
      classes[start + i] = best;
      scores[start + i] = probabilities[i * numClasses + best]!;
    }
  }
  return { boxes, classes, scores, count };
}
