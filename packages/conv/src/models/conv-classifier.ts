import * as tf from '@tensorflow/tfjs';
import { classificationModel, ConfigError, parseOptions, seededInitializers } from '@dl/core';
import * as v from 'valibot';
import { spatialPairSchema, type SpatialPair } from '../arithmetic/conv-geometry.js';

/** One convolutional block of {@link createConvClassifier}. */
export interface ConvBlock {
  readonly filters: number;
  /** Default 3. */
  readonly kernelSize?: SpatialPair;
  /** Convolutions in the block (each `filters` wide, 'same' padding). Default 1. */
  readonly convolutions?: number;
  /** Batch normalization after each convolution, before the ReLU. Default true. */
  readonly batchNorm?: boolean;
  /** Max pooling at the end of the block (size and stride 2). Default true. */
  readonly pool?: boolean;
  /** Dropout at the end of the block. Default 0. */
  readonly dropout?: number;
}

/** Options of {@link createConvClassifier}. */
export interface ConvClassifierOptions {
  /** `[height, width, channels]` of the images. Required. */
  readonly inputShape: readonly [number, number, number];
  /** Required; 2 gives one sigmoid output, more a softmax. */
  readonly numClasses: number;
  /** Default: two blocks, 32 and 64 filters, two convolutions each, batch norm, pooling, dropout 0.25. */
  readonly blocks?: readonly ConvBlock[];
  /** Units of the dense layer before the head; 0 for none. Default 128. */
  readonly dense?: number;
  /** Dropout before the head. Default 0.5. */
  readonly dropout?: number;
  /** Adam's learning rate. Default 1e-3. */
  readonly learningRate?: number;
  /** Compile with Adam, cross-entropy and accuracy. Default true. */
  readonly compile?: boolean;
  /** Seeds every initializer and dropout layer. */
  readonly seed?: number;
}

const positive = v.pipe(v.number(), v.integer(), v.minValue(1));
const rate = v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)'));
const BlockSchema = v.strictObject({
  filters: positive,
  kernelSize: v.optional(spatialPairSchema, 3),
  convolutions: v.optional(positive, 1),
  batchNorm: v.optional(v.boolean(), true),
  pool: v.optional(v.boolean(), true),
  dropout: v.optional(rate, 0),
});
const defaultBlocks: ConvBlock[] = [
  { filters: 32, convolutions: 2, dropout: 0.25 },
  { filters: 64, convolutions: 2, dropout: 0.25 },
];
const OptionsSchema = v.strictObject({
  inputShape: v.tuple([positive, positive, positive]),
  numClasses: v.pipe(v.number(), v.integer(), v.minValue(2)),
  blocks: v.optional(v.pipe(v.array(BlockSchema), v.minLength(1, 'at least one block'))),
  dense: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 128),
  dropout: v.optional(rate, 0.5),
  learningRate: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0)), 1e-3),
  compile: v.optional(v.boolean(), true),
  seed: v.optional(v.pipe(v.number(), v.finite())),
});

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<ConvClassifierOptions, v.InferInput<typeof OptionsSchema>> = true;
void optionsMatchSchema;

/**
 * An image classifier: blocks of (conv → batch norm → ReLU) × n → max pool → dropout, then
 * flatten, an optional dense ReLU layer with dropout, and a softmax (or sigmoid) head. The
 * defaults (two blocks of two 3×3 convs with 32 and 64 filters, batch norm, dropout 0.25, dense
 * 128 with dropout 0.5) are the small VGG-style network that passes 0.93 on Fashion-MNIST.
 * Convolutions use 'same' padding, so only the pools shrink the image (by 2 each); a block's
 * conv has no bias when batch norm follows (its β makes it redundant).
 *
 * @param options - see {@link ConvClassifierOptions}.
 * @returns the model (input `images`, output `classifier`), compiled unless `compile: false`.
 * @throws ConfigError naming the option (also when the pools would shrink the image below 1 pixel).
 * @example
 * ```ts
 * import { createConvClassifier } from '@dl/conv';
 * const model = createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 });
 * await model.fit(images, labels, { epochs: 10, batchSize: 64 }); // images [n, 28, 28, 1] in [0, 1], labels [n] class ids
 * ```
 */
export function createConvClassifier(options: ConvClassifierOptions): tf.LayersModel {
  const o = parseOptions(OptionsSchema, options, { package: 'conv' });
  const blocks = (o.blocks ?? defaultBlocks.map((block) => v.parse(BlockSchema, block))) as v.InferOutput<typeof BlockSchema>[];
  const pools = blocks.filter((block) => block.pool).length;
  const [height, width] = o.inputShape;
  if (Math.min(height, width) < 2 ** pools) {
    throw new ConfigError({ package: 'conv', path: 'blocks', value: `${pools} pooling blocks`, expected: `at most ${Math.floor(Math.log2(Math.min(height, width)))} pooling blocks for a ${height}x${width} input (each halves it)` });
  }
  const init = seededInitializers(o.seed);
  const input = tf.input({ shape: [...o.inputShape], name: 'images' });
  let x: tf.SymbolicTensor = input;
  blocks.forEach((block, b) => {
    for (let c = 0; c < block.convolutions; c += 1) {
      const name = `block${b + 1}_conv${c + 1}`;
      x = tf.layers
        .conv2d({ filters: block.filters, kernelSize: block.kernelSize as number | [number, number], padding: 'same', useBias: !block.batchNorm, kernelInitializer: init.next('heNormal'), name })
        .apply(x) as tf.SymbolicTensor;
      if (block.batchNorm) x = tf.layers.batchNormalization({ name: `${name}_bn` }).apply(x) as tf.SymbolicTensor;
      x = tf.layers.activation({ activation: 'relu', name: `${name}_relu` }).apply(x) as tf.SymbolicTensor;
    }
    if (block.pool) x = tf.layers.maxPooling2d({ poolSize: 2, name: `block${b + 1}_pool` }).apply(x) as tf.SymbolicTensor;
    if (block.dropout > 0) x = tf.layers.dropout({ rate: block.dropout, seed: init.nextSeed(), name: `block${b + 1}_dropout` }).apply(x) as tf.SymbolicTensor;
  });
  x = tf.layers.flatten({ name: 'flatten' }).apply(x) as tf.SymbolicTensor;
  if (o.dense > 0) {
    x = tf.layers.dense({ units: o.dense, activation: 'relu', kernelInitializer: init.next('heNormal'), name: 'dense' }).apply(x) as tf.SymbolicTensor;
  }
  if (o.dropout > 0) x = tf.layers.dropout({ rate: o.dropout, seed: init.nextSeed(), name: 'dropout' }).apply(x) as tf.SymbolicTensor;
  return classificationModel({
    inputs: input,
    features: x,
    numClasses: o.numClasses,
    kernelInitializer: init.next('glorotUniform'),
    name: 'conv_classifier',
    ...(o.compile ? { optimizer: tf.train.adam(o.learningRate) } : {}),
  });
}
