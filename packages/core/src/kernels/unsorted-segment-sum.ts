import type * as tf from '@tensorflow/tfjs';
import { makeOutput, readValues, type KernelBackendLike } from './backend-access.js';

/**
 * `UnsortedSegmentSum` as a linear scatter-add: `out[ids[i]] += x[i]` over the rows of
 * `x`. This is the gradient of `gather` (and so of every Embedding layer).
 *
 * The wasm backend has no such kernel, and the cpu backend's is quadratic (it compares
 * every row with every segment), which makes Embedding training unusable there; this one
 * is O(rows x row size). Ids outside `[0, numSegments)` are skipped, as in TensorFlow.
 *
 * Registered on wasm (fills the gap) and cpu (replaces the slow one) by
 * `installTrainingKernels`.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { unsortedSegmentSumKernel } from '@dl/core';
 * tf.registerKernel({ ...unsortedSegmentSumKernel, backendName: 'wasm' });
 * tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3]), tf.tensor1d([0, 0, 2], 'int32'), 3); // [3, 0, 3]
 * ```
 */
export const unsortedSegmentSumKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'UnsortedSegmentSum',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
    const { numSegments } = attrs as unknown as { numSegments: number };
    const access = backend as unknown as KernelBackendLike;
    const values = readValues(access, x);
    const ids = readValues(access, segmentIds);
    const rows = ids.length;
    const rowSize = x.shape.slice(segmentIds.shape.length).reduce((a, b) => a * b, 1);
    const out = x.dtype === 'int32' ? new Int32Array(numSegments * rowSize) : new Float32Array(numSegments * rowSize);
    for (let row = 0; row < rows; row++) {
      const id = ids[row] as number;
      if (id < 0 || id >= numSegments) continue;
      const from = row * rowSize;
      const to = id * rowSize;
      for (let j = 0; j < rowSize; j++) out[to + j]! += values[from + j] as number;
    }
    const shape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
    return makeOutput(access, shape, x.dtype, out);
  },
};
