import type * as tf from '@tensorflow/tfjs';
import { allocateOutput, makeOutput, readValues, type KernelBackendLike } from './backend-access.js';
import { simdKernelsFor } from './simd/simd-kernels.js';

/**
 * `UnsortedSegmentSum` as a linear scatter-add: `out[ids[i]] += x[i]` over the rows of
 * `x`. This is the gradient of `gather` (and so of every Embedding layer).
 *
 * The wasm backend has no such kernel, and the cpu backend's is quadratic (it compares
 * every row with every segment), which makes Embedding training unusable there; this one
 * is O(rows x row size). Ids outside `[0, numSegments)` are skipped, as in TensorFlow. On wasm
 * with SIMD, float32 rows are added on the heap by dl's `scatterAddRows` (no copies in or out;
 * the same float32 sums in the same row order as the JavaScript loop).
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
    const rowSize = x.shape.slice(segmentIds.shape.length).reduce((a, b) => a * b, 1);
    const shape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
    const simd = x.dtype === 'float32' && segmentIds.dtype === 'int32' ? simdKernelsFor(backend) : undefined;
    if (simd !== undefined) {
      const { info } = allocateOutput(access, shape);
      const rows = segmentIds.shape.reduce((a, b) => a * b, 1);
      simd.scatterAddRows(simd.address(x), simd.address(segmentIds), rows, rowSize, numSegments, simd.address(info));
      return info;
    }
    const values = readValues(access, x);
    const ids = readValues(access, segmentIds);
    const rows = ids.length;
    const out = x.dtype === 'int32' ? new Int32Array(numSegments * rowSize) : new Float32Array(numSegments * rowSize);
    for (let row = 0; row < rows; row++) {
      const id = ids[row] as number;
      if (id < 0 || id >= numSegments) continue;
      const from = row * rowSize;
      const to = id * rowSize;
      for (let j = 0; j < rowSize; j++) out[to + j]! += values[from + j] as number;
    }
    return makeOutput(access, shape, x.dtype, out);
  },
};
