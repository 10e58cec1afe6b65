import { convOutputShape } from './conv-output-shape.js';
import type { Padding, SpatialPair } from './conv-geometry.js';
import { convParameterCount } from './parameter-count.js';

/** Arguments of {@link compareConvDense}. */
export interface CompareConvDenseArgs {
  /** `[height, width, channels]`. */
  readonly inputShape: readonly [number, number, number];
  readonly kernelSize: SpatialPair;
  readonly filters: number;
  readonly strides?: SpatialPair;
  readonly padding?: Padding;
  readonly useBias?: boolean;
}

/** Result of {@link compareConvDense}. */
export interface ConvDenseComparison {
  readonly conv: { readonly outputShape: [number, number, number]; readonly parameters: number };
  /** A dense layer from the flattened input to as many outputs as the conv layer has. */
  readonly dense: { readonly inputs: number; readonly units: number; readonly parameters: number };
  /** `dense.parameters / conv.parameters`. */
  readonly ratio: number;
}

/**
 * The seed's chapter 6, question 3, done with numbers: the parameters of a conv layer against
 * a dense layer that maps the same input to the same number of outputs. The conv layer shares
 * one small kernel across every position (local connectivity and weight sharing); the dense
 * layer has a weight for every input-output pair.
 *
 * @param args - see {@link CompareConvDenseArgs}.
 * @returns both counts and their ratio.
 * @throws ConfigError naming the argument.
 * @example
 * ```ts
 * import { compareConvDense } from '@dl/conv';
 * const c = compareConvDense({ inputShape: [28, 28, 1], kernelSize: 3, filters: 32 });
 * c.conv.parameters; // 320
 * c.dense.parameters; // 784·21632 + 21632 = 16,981,120
 * ```
 */
export function compareConvDense(args: CompareConvDenseArgs): ConvDenseComparison {
  const outputShape = convOutputShape({ ...args, kind: 'conv' });
  const conv = convParameterCount({ kind: 'conv', kernelSize: args.kernelSize, inputChannels: args.inputShape[2], filters: args.filters, useBias: args.useBias ?? true });
  const inputs = args.inputShape[0] * args.inputShape[1] * args.inputShape[2];
  const units = outputShape[0] * outputShape[1] * outputShape[2];
  const dense = convParameterCount({ kind: 'dense', inputs, units, useBias: args.useBias ?? true });
  return { conv: { outputShape, parameters: conv }, dense: { inputs, units, parameters: dense }, ratio: dense / conv };
}
