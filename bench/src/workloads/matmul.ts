import * as tf from '@tensorflow/tfjs';
import type { Workload } from './types.js';

/** One 1024x1024 by 1024x1024 float32 matrix product. */
export function matmulWorkload(size = 1024): Workload {
  const a = tf.randomNormal([size, size], 0, 1, 'float32', 1);
  const b = tf.randomNormal([size, size], 0, 1, 'float32', 2);
  return {
    unit: `matmul ${size}`,
    samplesPerUnit: 0,
    flopsPerUnit: 2 * size ** 3,
    async run() {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
      return undefined;
    },
    dispose: () => tf.dispose([a, b]),
  };
}
