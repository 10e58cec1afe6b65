import * as tf from '@tensorflow/tfjs';
import { createSeededRandom } from '../random/seeded-random.js';

/** Seeded uniform values in [-1, 1). */
export function seededValues(count: number, seed: number): Float32Array {
  const random = createSeededRandom(seed);
  return Float32Array.from({ length: count }, () => random.next() * 2 - 1);
}

/** A float32 tensor of seeded uniform values in [-1, 1). */
export function seededTensor(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(seededValues(shape.reduce((x, y) => x * y, 1), seed), shape);
}
