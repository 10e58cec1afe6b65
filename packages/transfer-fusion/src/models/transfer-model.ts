import * as tf from '@tensorflow/tfjs';
import { parseOptions, seededInitializers, ShapeError } from '@dl/core';
import * as v from 'valibot';
import { resizeImages } from '../layers/resize-images.js';
import { findLayer, layersModelSchema, leafLayers } from '../internal/model-layers.js';
import { setLayersTrainable } from '../internal/set-trainable.js';
import { freezeBatchNorm } from '../training/freeze-batch-norm.js';
import { featureExtractor, featurePoolingSchema, poolFeatures, type FeaturePooling } from './base-features.js';
import { classifierHeadModel, classifierHeadSchema, type ClassifierHeadOptions } from './classifier-head.js';

/** What the new model does to its input before the base sees it (see {@link TransferModelOptions.preprocess}). */
export interface TransferPreprocessOptions {
  /** The shape of the new task's inputs, `[height, width, channels]`. Required. */
  readonly inputShape: readonly [number, number, number];
  /** Multiplies the input first (tfjs's `Rescaling` layer): 1/255 for bytes into [0, 1]. Default 1. */
  readonly scale?: number;
  /** Added after `scale`: with `scale: 1/127.5, offset: -1`, bytes go into [-1, 1] (MobileNet's range). Default 0. */
  readonly offset?: number;
}

/** Options of {@link createTransferModel}. */
export interface TransferModelOptions {
  /** The pretrained model, single-input (any `tf.LayersModel`: loaded from disk, or trained by a factory of the dl packages). Required. Its layers are shared, not copied. */
  readonly base: tf.LayersModel;
  /** The layer whose output the new head reads. Default: the input of the base's output layer (the features its own head read). */
  readonly cutAt?: string;
  /**
   * Which layers of the kept base do not train: `'all'` (feature extraction, the default),
   * `'none'` (fine-tune everything), or `{ upTo: name }` (that layer and all before it). BatchNorm
   * layers are frozen in inference mode in every case, see {@link freezeBatchNorm}.
   */
  readonly freeze?: 'all' | 'none' | { readonly upTo: string };
  /** The new head. Required. */
  readonly head: ClassifierHeadOptions;
  /** How cut features of rank 3 or 4 become a vector: global average pooling (default), global max pooling, or flatten. */
  readonly pooling?: FeaturePooling;
  /**
   * A new input in front of the base, for inputs that differ from what the base was trained on:
   * `scale` and `offset` first, then a bilinear resize ({@link ResizeImages}) when height or
   * width differ from the base's input, then grayscale repeated into every channel when the
   * input has 1 channel and the base more. Default: none, the base's own input is the model's.
   */
  readonly preprocess?: TransferPreprocessOptions;
  /** Adam's learning rate for the head's training. Default 1e-3. */
  readonly learningRate?: number;
  /** Compile with Adam, cross-entropy and accuracy. Default true. */
  readonly compile?: boolean;
  /** Seeds the head's initializers. */
  readonly seed?: number;
}

const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1));
const finite = v.pipe(v.number(), v.finite());
const OptionsSchema = v.strictObject({
  base: layersModelSchema,
  cutAt: v.optional(v.string()),
  freeze: v.optional(v.union([v.picklist(['all', 'none']), v.strictObject({ upTo: v.string() })], "'all', 'none' or { upTo: layerName }"), 'all'),
  head: classifierHeadSchema,
  pooling: v.optional(featurePoolingSchema, 'average'),
  preprocess: v.optional(
    v.strictObject({
      inputShape: v.tuple([positiveInteger, positiveInteger, positiveInteger]),
      scale: v.optional(finite, 1),
      offset: v.optional(finite, 0),
    }),
  ),
  learningRate: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0)), 1e-3),
  compile: v.optional(v.boolean(), true),
  seed: v.optional(finite),
});

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<TransferModelOptions, v.InferInput<typeof OptionsSchema>> = true;
void optionsMatchSchema;

/**
 * A transfer-learning model: the pretrained `base` cut at `cutAt` (by default just before its own
 * head), frozen, and a new classification head trained on the new task. This is feature-based
 * transfer done as Keras's guide does it: the old head is replaced, not kept (the seed says
 * feature-based transfer keeps the last classifier: ERRATA row 27; its code could not attach new
 * layers at all: row 30).
 *
 * The model is `input → [preprocess] → base (a nested model named 'base') → [pooling] → head`,
 * its output layer named `classifier`. The base's layers are shared with `base`, not copied:
 * freezing sets their `trainable` flag, which `base` sees too, and training the transfer model
 * changes `base`'s weights when they are unfrozen. Every BatchNormalization layer of the base
 * runs in inference mode ({@link freezeBatchNorm}), so its statistics from the large dataset
 * survive training on the small one. For the second, fine-tuning phase call {@link unfreeze}.
 * Disposing: `model.dispose()` frees the base layers it kept (they are `base`'s, so do not also
 * call `base.dispose()`); the base's layers after the cut are not part of the model, and are
 * freed with their own `dispose()` when you no longer need them.
 *
 * @param options - see {@link TransferModelOptions}.
 * @returns the model, compiled (Adam, sparse categorical or binary cross-entropy, accuracy) unless `compile: false`.
 * @throws ConfigError naming the option (an unknown layer name lists the base's layers and the closest one); ShapeError when `preprocess` cannot reach the base's input shape.
 * @example
 * ```ts
 * import { createConvClassifier } from '@dl/conv';
 * import { createTransferModel, unfreeze } from '@dl/transfer-fusion';
 * const base = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 5, seed: 1 });
 * await base.fit(pretrainImages, pretrainLabels, { epochs: 5 });       // the large dataset
 * const model = createTransferModel({ base, head: { numClasses: 5 } }); // base frozen, new head
 * await model.fit(fewImages, fewLabels, { epochs: 20 });               // the small one
 * unfreeze(model, { learningRate: 1e-4 });                             // then fine-tune all of it
 * await model.fit(fewImages, fewLabels, { epochs: 10 });
 * ```
 */
export function createTransferModel(options: TransferModelOptions): tf.LayersModel {
  const o = parseOptions(OptionsSchema, options, { package: 'transfer-fusion' });
  const extractor = featureExtractor(o.base, o.cutAt, 'base', 'cutAt');
  const frozenUpTo =
    typeof o.freeze === 'object' ? leafLayers(extractor).indexOf(findLayer(extractor, o.freeze.upTo, 'freeze.upTo')) : o.freeze === 'all' ? Infinity : -1;
  setLayersTrainable(extractor, (_layer, i) => i > frozenUpTo);
  freezeBatchNorm(extractor);

  const baseInput = extractor.inputs[0]!;
  const input = tf.input({ shape: [...(o.preprocess?.inputShape ?? baseInput.shape.slice(1))] as number[], dtype: o.preprocess === undefined ? baseInput.dtype : 'float32', name: 'input' });
  const baseInputValue = o.preprocess === undefined ? input : preprocessInput(input, o.preprocess, baseInput.shape);
  const cut = extractor.apply(baseInputValue) as tf.SymbolicTensor;
  const features = poolFeatures(cut, o.pooling, 'pooling');
  return classifierHeadModel({
    inputs: input,
    features,
    head: o.head,
    init: seededInitializers(o.seed),
    name: 'transfer_model',
    learningRate: o.compile ? o.learningRate : undefined,
  });
}

function preprocessInput(input: tf.SymbolicTensor, preprocess: { scale: number; offset: number; inputShape: readonly number[] }, target: readonly (number | null)[]): tf.SymbolicTensor {
  let x = input;
  if (preprocess.scale !== 1 || preprocess.offset !== 0) x = tf.layers.rescaling({ scale: preprocess.scale, offset: preprocess.offset, name: 'preprocess_rescaling' }).apply(x) as tf.SymbolicTensor;
  const [height, width, channels] = preprocess.inputShape as [number, number, number];
  const [, targetHeight, targetWidth, targetChannels] = target;
  if (target.length !== 4 || typeof targetHeight !== 'number' || typeof targetWidth !== 'number' || typeof targetChannels !== 'number') {
    throw new ShapeError({ package: 'transfer-fusion', argument: 'base input', expected: '[batch, height, width, channels] with known sizes, for preprocess', actual: target });
  }
  if (height !== targetHeight || width !== targetWidth) x = resizeImages({ height: targetHeight, width: targetWidth, name: 'preprocess_resizing' }).apply(x) as tf.SymbolicTensor;
  if (channels !== targetChannels) {
    if (channels !== 1) {
      throw new ShapeError({ package: 'transfer-fusion', argument: 'preprocess.inputShape', expected: `${targetChannels} channels (the base's) or 1 (repeated into each)`, actual: [...preprocess.inputShape] });
    }
    x = tf.layers.concatenate({ axis: -1, name: 'preprocess_channels' }).apply(Array.from({ length: targetChannels }, () => x)) as tf.SymbolicTensor;
  }
  return x;
}
