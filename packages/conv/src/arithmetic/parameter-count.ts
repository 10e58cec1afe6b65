import { parseOptions } from '@dl/core';
import * as v from 'valibot';
import { pair, spatialPairSchema, type SpatialPair } from './conv-geometry.js';

/** A layer whose parameters {@link convParameterCount} counts. */
export type LayerSpec =
  | { readonly kind: 'conv' | 'transpose'; readonly kernelSize: SpatialPair; readonly inputChannels: number; readonly filters: number; readonly useBias?: boolean }
  | { readonly kind: 'depthwise'; readonly kernelSize: SpatialPair; readonly inputChannels: number; readonly depthMultiplier?: number; readonly useBias?: boolean }
  | { readonly kind: 'separable'; readonly kernelSize: SpatialPair; readonly inputChannels: number; readonly filters: number; readonly depthMultiplier?: number; readonly useBias?: boolean }
  | { readonly kind: 'dense'; readonly inputs: number; readonly units: number; readonly useBias?: boolean }
  | { readonly kind: 'batchNorm'; readonly channels: number }
  | { readonly kind: 'pool' };

const positive = v.pipe(v.number(), v.integer(), v.minValue(1));
const useBias = v.optional(v.boolean(), true);
const SpecSchema = v.variant('kind', [
  v.strictObject({ kind: v.picklist(['conv', 'transpose']), kernelSize: spatialPairSchema, inputChannels: positive, filters: positive, useBias }),
  v.strictObject({ kind: v.literal('depthwise'), kernelSize: spatialPairSchema, inputChannels: positive, depthMultiplier: v.optional(positive, 1), useBias }),
  v.strictObject({ kind: v.literal('separable'), kernelSize: spatialPairSchema, inputChannels: positive, filters: positive, depthMultiplier: v.optional(positive, 1), useBias }),
  v.strictObject({ kind: v.literal('dense'), inputs: positive, units: positive, useBias }),
  v.strictObject({ kind: v.literal('batchNorm'), channels: positive }),
  v.strictObject({ kind: v.literal('pool') }),
]);

/**
 * The number of parameters of a layer, as Keras and tfjs count them (`countParams()`; the tests
 * compare with what tfjs builds):
 *
 * - conv and transposed conv: `kh·kw·c_in·filters + filters` (the bias);
 * - depthwise: `kh·kw·c_in·m + c_in·m`; separable: depthwise `kh·kw·c_in·m` + pointwise
 *   `c_in·m·filters` + `filters`;
 * - dense: `inputs·units + units`;
 * - batch norm: `4·channels`, of which 2 (γ, β) are trained and 2 (moving mean and variance)
 *   are statistics that `countParams()` counts too;
 * - pooling: 0. It has no weights at all (the seed says pooling reduces the parameter count:
 *   erratum 13; it downsamples, which shrinks only a later dense layer).
 *
 * The count of a conv layer does not depend on the image size: its weights are shared across
 * positions, which is the point of convolution.
 *
 * @param spec - see {@link LayerSpec}.
 * @returns the number of parameters.
 * @throws ConfigError naming the field.
 * @example
 * ```ts
 * import { convParameterCount } from '@dl/conv';
 * convParameterCount({ kind: 'conv', kernelSize: 3, inputChannels: 1, filters: 32 }); // 3·3·1·32 + 32 = 320
 * convParameterCount({ kind: 'pool' }); // 0
 * ```
 */
export function convParameterCount(spec: LayerSpec): number {
  const s = parseOptions(SpecSchema, spec, { package: 'conv' });
  switch (s.kind) {
    case 'conv':
    case 'transpose': {
      const [kh, kw] = pair(s.kernelSize);
      return kh * kw * s.inputChannels * s.filters + (s.useBias ? s.filters : 0);
    }
    case 'depthwise': {
      const [kh, kw] = pair(s.kernelSize);
      const channels = s.inputChannels * s.depthMultiplier;
      return kh * kw * channels + (s.useBias ? channels : 0);
    }
    case 'separable': {
      const [kh, kw] = pair(s.kernelSize);
      const channels = s.inputChannels * s.depthMultiplier;
      return kh * kw * channels + channels * s.filters + (s.useBias ? s.filters : 0);
    }
    case 'dense':
      return s.inputs * s.units + (s.useBias ? s.units : 0);
    case 'batchNorm':
      return 4 * s.channels;
    case 'pool':
      return 0;
  }
}
