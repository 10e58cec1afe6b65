import { parseOptions } from '@dl/core';
import * as v from 'valibot';
import { outputLength, pair, spatialPairSchema, type Padding, type SpatialPair } from './conv-geometry.js';

/** Arguments of {@link convOutputShape}. */
export interface ConvOutputShapeArgs {
  /** `[height, width, channels]` (channels last, as tfjs). */
  readonly inputShape: readonly [number, number, number];
  /** `'conv'` (default), `'depthwise'`, `'pool'` (max or average: same geometry) or `'transpose'`. */
  readonly kind?: 'conv' | 'depthwise' | 'pool' | 'transpose';
  /** Kernel or pool size. */
  readonly kernelSize: SpatialPair;
  /** Default 1 (pooling: the pool size, as Keras). */
  readonly strides?: SpatialPair;
  /** Default `'valid'`. */
  readonly padding?: Padding;
  /** Default 1 (not for pooling or transposed convolutions). */
  readonly dilation?: SpatialPair;
  /** Output channels of `'conv'` and `'transpose'`. */
  readonly filters?: number;
  /** Channels per input channel of `'depthwise'`. Default 1. */
  readonly depthMultiplier?: number;
}

const positive = v.pipe(v.number(), v.integer(), v.minValue(1));
const ArgsSchema = v.pipe(
  v.strictObject({
    inputShape: v.tuple([positive, positive, positive]),
    kind: v.optional(v.picklist(['conv', 'depthwise', 'pool', 'transpose']), 'conv'),
    kernelSize: spatialPairSchema,
    strides: v.optional(spatialPairSchema),
    padding: v.optional(v.picklist(['valid', 'same']), 'valid'),
    dilation: v.optional(spatialPairSchema, 1),
    filters: v.optional(positive),
    depthMultiplier: v.optional(positive, 1),
  }),
  v.forward(
    v.check((a) => (a.kind !== 'conv' && a.kind !== 'transpose') || a.filters !== undefined, 'a positive integer (conv and transpose layers need filters)'),
    ['filters'],
  ),
);

/**
 * The output shape `[height, width, channels]` of a 2-D convolution, depthwise convolution,
 * pooling or transposed convolution, by TensorFlow's rules (what tfjs builds; the tests compare
 * with `layer.computeOutputShape` for many combinations):
 *
 * - `'valid'`: `floor((n − (k − 1)·d − 1) / s) + 1`; `'same'`: `ceil(n / s)`.
 * - transposed: `'same'`: `n·s`; `'valid'`: `n·s + max(k − s, 0)`.
 *
 * tfjs-layers 4.22's `DepthwiseConv2D` layer ignores its `dilationRate` (the `tf.depthwiseConv2d`
 * op honours it); this function gives what TensorFlow, Keras and the op compute.
 *
 * @param args - see {@link ConvOutputShapeArgs}.
 * @returns `[height, width, channels]`; a dimension is 0 when the window does not fit.
 * @throws ConfigError naming the argument.
 * @example
 * ```ts
 * import { convOutputShape } from '@dl/conv';
 * convOutputShape({ inputShape: [28, 28, 1], kernelSize: 3, filters: 32 }); // [26, 26, 32]
 * convOutputShape({ inputShape: [26, 26, 32], kind: 'pool', kernelSize: 2 }); // [13, 13, 32]
 * convOutputShape({ inputShape: [7, 7, 64], kind: 'transpose', kernelSize: 3, strides: 2, padding: 'same', filters: 32 }); // [14, 14, 32]
 * ```
 */
export function convOutputShape(args: ConvOutputShapeArgs): [number, number, number] {
  const a = parseOptions(ArgsSchema, args, { package: 'conv' });
  const [height, width, channels] = a.inputShape;
  const [kh, kw] = pair(a.kernelSize);
  const [sh, sw] = pair(a.strides ?? (a.kind === 'pool' ? a.kernelSize : 1));
  const [dh, dw] = pair(a.kind === 'pool' || a.kind === 'transpose' ? 1 : a.dilation);
  const outChannels = a.kind === 'pool' ? channels : a.kind === 'depthwise' ? channels * a.depthMultiplier : a.filters!;
  if (a.kind === 'transpose') {
    const grow = (n: number, k: number, s: number) => (a.padding === 'same' ? n * s : n * s + Math.max(k - s, 0));
    return [grow(height, kh, sh), grow(width, kw, sw), outChannels];
  }
  return [outputLength(height, kh, sh, dh, a.padding), outputLength(width, kw, sw, dw, a.padding), outChannels];
}
