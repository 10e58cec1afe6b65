import { ConfigError, layerValidation } from '@dl/core';
import { pair, type SpatialPair } from './conv-geometry.js';

const { rejectUnknownKeys } = layerValidation('conv');

/** One layer of a stack, as far as its receptive field goes (pooling: kernel = pool size, stride = pool size). */
export interface ReceptiveFieldLayer {
  readonly kernelSize: SpatialPair;
  /** Default 1. */
  readonly strides?: SpatialPair;
  /** Default 1. */
  readonly dilation?: SpatialPair;
}

/** Result of {@link receptiveField}. */
export interface ReceptiveField {
  /** Input pixels `[rows, columns]` that one output unit of the last layer sees. */
  readonly size: [number, number];
  /** Input pixels between neighbouring output units (the product of the strides). */
  readonly jump: [number, number];
}

/**
 * The receptive field of one unit at the top of a stack of convolutions and poolings: with
 * `r₀ = 1`, `j₀ = 1` and, per layer, `r ← r + (k − 1)·d·j`, `j ← j·s` (Araujo et al. 2019). Padding
 * does not change the size (it moves the field, partly off the image at the borders). The tests
 * check it against an empirical probe: the input pixels with a non-zero gradient of one output unit.
 *
 * @param stack - the layers, input first.
 * @returns the size and jump, `[rows, columns]` each.
 * @throws ConfigError for a non-positive kernel, stride or dilation.
 * @example
 * ```ts
 * import { receptiveField } from '@dl/conv';
 * // Two 3x3 convs see 5x5, like one 5x5 conv with fewer weights (VGG's argument).
 * receptiveField([{ kernelSize: 3 }, { kernelSize: 3 }]).size; // [5, 5]
 * receptiveField([{ kernelSize: 3 }, { kernelSize: 2, strides: 2 }, { kernelSize: 3 }]).size; // [8, 8]
 * ```
 */
export function receptiveField(stack: readonly ReceptiveFieldLayer[]): ReceptiveField {
  if (!Array.isArray(stack)) throw new ConfigError({ package: 'conv', path: 'stack', value: stack, expected: 'an array of layers' });
  const size: [number, number] = [1, 1];
  const jump: [number, number] = [1, 1];
  stack.forEach((layer, i) => {
    rejectUnknownKeys(layer, ['kernelSize', 'strides', 'dilation'], { kind: 'option', where: `receptiveField stack[${i}]` });
    const values = { kernelSize: pair(layer.kernelSize), strides: pair(layer.strides ?? 1), dilation: pair(layer.dilation ?? 1) };
    for (const [field, [a, b]] of Object.entries(values)) {
      if (![a, b].every((x) => Number.isInteger(x) && x >= 1)) {
        throw new ConfigError({ package: 'conv', path: `stack[${i}].${field}`, value: (layer as unknown as Record<string, unknown>)[field], expected: 'a positive integer or a pair of them' });
      }
    }
    for (const axis of [0, 1] as const) {
      size[axis] += (values.kernelSize[axis] - 1) * values.dilation[axis] * jump[axis];
      jump[axis] *= values.strides[axis];
    }
  });
  return { size, jump };
}
