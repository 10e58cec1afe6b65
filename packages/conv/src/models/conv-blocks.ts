import * as tf from '@tensorflow/tfjs';
import { ConfigError, type SeededInitializers } from '@dl/core';
import * as v from 'valibot';
import { spatialPairSchema, type SpatialPair } from '../arithmetic/conv-geometry.js';

/** One convolutional block of `createConvClassifier` and of `createSingleObjectDetector`'s backbone. */
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

/** valibot: an integer >= 1. */
export const positiveIntegerSchema = v.pipe(v.number(), v.integer(), v.minValue(1));
/** valibot: a dropout rate in [0, 1). */
export const rateSchema = v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)'));

/** valibot schema of a {@link ConvBlock}, with its defaults. */
export const ConvBlockSchema = v.strictObject({
  filters: positiveIntegerSchema,
  kernelSize: v.optional(spatialPairSchema, 3),
  convolutions: v.optional(positiveIntegerSchema, 1),
  batchNorm: v.optional(v.boolean(), true),
  pool: v.optional(v.boolean(), true),
  dropout: v.optional(rateSchema, 0),
});

/** A {@link ConvBlock} with every default filled in. */
export type ParsedConvBlock = v.InferOutput<typeof ConvBlockSchema>;

/** valibot schema of a non-empty list of blocks. */
export const ConvBlocksSchema = v.pipe(v.array(ConvBlockSchema), v.minLength(1, 'at least one block'));

/** Fills in the defaults of `blocks` (already valid blocks, such as a factory's defaults). */
export function parseConvBlocks(blocks: readonly ConvBlock[]): ParsedConvBlock[] {
  return blocks.map((block) => v.parse(ConvBlockSchema, block));
}

/**
 * Throws a ConfigError at `path` when the blocks' pools (2×2, stride 2 each) would shrink an
 * `inputShape` image below 1 pixel.
 */
export function checkPools(blocks: readonly ParsedConvBlock[], inputShape: readonly [number, number, number], path: string): void {
  const pools = blocks.filter((block) => block.pool).length;
  const [height, width] = inputShape;
  if (Math.min(height, width) < 2 ** pools) {
    throw new ConfigError({ package: 'conv', path, value: `${pools} pooling blocks`, expected: `at most ${Math.floor(Math.log2(Math.min(height, width)))} pooling blocks for a ${height}x${width} input (each halves it)` });
  }
}

/**
 * Applies blocks of (conv → batch norm → ReLU) × n → 2×2 max pool → dropout to `input`, with
 * layers named `block{b}_conv{c}`, `_bn`, `_relu`, `block{b}_pool`, `block{b}_dropout`.
 * Convolutions use 'same' padding and He-normal kernels (seeded by `init`, in layer order); a
 * convolution has no bias when batch norm follows it (β makes it redundant).
 */
export function applyConvBlocks(input: tf.SymbolicTensor, blocks: readonly ParsedConvBlock[], init: SeededInitializers): tf.SymbolicTensor {
  let x = input;
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
    if (block.dropout > 0) x = tf.layers.dropout({ rate: block.dropout, name: `block${b + 1}_dropout` }).apply(x) as tf.SymbolicTensor;
  });
  return x;
}
