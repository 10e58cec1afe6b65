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
      // Timed to the product's completion, like PyTorch's `a @ b`: one value read back waits for
      // an asynchronous backend (WebGPU), and wasm and cpu compute within the call. Reading all
      // 4 MB back to JavaScript, which PyTorch's row does not do, added about 2.7 ms on wasm.
      const corner = c.slice([0, 0], [1, 1]);
      await corner.data();
      tf.dispose([c, corner]);
      return undefined;
    },
    dispose: () => tf.dispose([a, b]),
  };
}
