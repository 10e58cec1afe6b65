import * as v from 'valibot';

/** A size or stride for both spatial axes, or `[rows, columns]`. */
export type SpatialPair = number | readonly [number, number];

/** Keras's padding modes: `'valid'` (no padding) or `'same'` (output size `ceil(input / stride)`). */
export type Padding = 'valid' | 'same';

/** valibot: a positive integer, or a pair of them. */
export const spatialPairSchema = v.union([
  v.pipe(v.number(), v.integer(), v.minValue(1)),
  v.pipe(v.tuple([v.pipe(v.number(), v.integer(), v.minValue(1)), v.pipe(v.number(), v.integer(), v.minValue(1))])),
]);

/** `[rows, columns]` of a {@link SpatialPair}. */
export function pair(value: SpatialPair): [number, number] {
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

/**
 * The output length of one spatial axis, by TensorFlow's (and Keras's) rules: `'valid'` keeps
 * only windows inside the input, `ceil((n − (k − 1)·d) / s)`; `'same'` pads so that the output is
 * `ceil(n / s)`.
 */
export function outputLength(input: number, kernel: number, stride: number, dilation: number, padding: Padding): number {
  if (padding === 'same') return Math.ceil(input / stride);
  const span = (kernel - 1) * dilation + 1;
  return input < span ? 0 : Math.floor((input - span) / stride) + 1;
}
