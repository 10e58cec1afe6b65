import * as tf from '@tensorflow/tfjs';
import type { FashionMnistData } from '@dl/data/node';

/**
 * The indices of the images whose label `keep` accepts, in file order.
 *
 * @example
 * ```ts
 * const tops = indicesWhere(train, (label) => label < 5);
 * ```
 */
export function indicesWhere(set: FashionMnistData<Float32Array>, keep: (label: number) => boolean): number[] {
  return [...set.labels.keys()].filter((i) => keep(set.labels[i]!));
}

/**
 * The images at `indices` as tensors `[n, 28, 28, 1]`, with their labels `[n]` shifted down by
 * `labelOffset` (classes 5-9 become 0-4 with an offset of 5).
 *
 * @example
 * ```ts
 * const few = fashionSubset(train, indicesWhere(train, (label) => label >= 5).slice(0, 100), 5);
 * ```
 */
export function fashionSubset(set: FashionMnistData<Float32Array>, indices: readonly number[], labelOffset: number): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const pixels = new Float32Array(indices.length * 784);
  indices.forEach((index, i) => pixels.set(set.images.subarray(index * 784, (index + 1) * 784), i * 784));
  return { x: tf.tensor4d(pixels, [indices.length, 28, 28, 1]), y: tf.tensor1d(indices.map((index) => set.labels[index]! - labelOffset), 'float32') };
}
