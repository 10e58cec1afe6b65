import * as tf from '@tensorflow/tfjs';
import { allocateTypedOutput, viewValues, type KernelBackendLike } from './backend-access.js';
import { runOriginalKernel } from './original-kernels.js';
import { simdKernelsFor } from './simd/simd-kernels.js';

/**
 * `GatherV2` (`tf.gather`: the Embedding layer's lookup, and the batch selection of `fit`)
 * as whole-slice copies: for every index, one contiguous slice of `x` to the output. The
 * wasm backend's kernel computes every element's address from strides, about 50 ns per
 * element: 10 ms to look up 64 × 100 tokens of 32-wide embeddings, against well under 1 ms
 * here. On wasm the rows are copied on the heap by dl's `gatherRows` (one `memory.copy` per
 * index), elsewhere in JavaScript. Indices out of range throw, as tfjs's kernels do; string
 * tensors go to the backend's own kernel.
 *
 * @example
 * ```ts
 * import type * as tf from '@tensorflow/tfjs';
 * import { installTrainingKernels } from '@dl/core';
 * await tf.setBackend('wasm');
 * installTrainingKernels('wasm'); // registers this kernel among others
 * tf.gather(embeddings, tokenIds); // [tokens, dim]
 * ```
 */
export const gatherKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'GatherV2',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, indices } = inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = attrs as unknown as tf.GatherV2Attrs;
    if (x.dtype === 'string' || x.dtype === 'complex64' || indices.dtype !== 'int32') return runOriginalKernel('GatherV2', inputs, backend, attrs);
    const access = backend as unknown as KernelBackendLike;
    const parsedAxis = tf.util.parseAxisParam(axis, x.shape)[0]!;
    const info = tf.backend_util.segment_util.collectGatherOpShapeInfo(x as tf.Tensor, indices as tf.Tensor, parsedAxis, batchDims);
    const { batchSize, outerSize, dimSize, sliceSize } = info;
    const ids = viewValues(access, indices) as Int32Array;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (!(id >= 0 && id < dimSize)) throw new Error(`GatherV2: the index value ${id} is not in [0, ${dimSize - 1}]`);
    }
    const perBatch = ids.length / batchSize;
    const simd = simdKernelsFor(backend);
    if (simd !== undefined) {
      const out = access.makeOutput!(info.outputShape, x.dtype);
      const [xAddress, idsAddress, outAddress] = simd.addresses(x, indices, out);
      const bytes = x.dtype === 'bool' ? 1 : 4;
      let to = outAddress;
      for (let b = 0; b < batchSize; b++) {
        for (let o = 0; o < outerSize; o++) {
          simd.gatherRows(xAddress + (b * outerSize + o) * dimSize * sliceSize * bytes, idsAddress + b * perBatch * 4, perBatch, sliceSize * bytes, to);
          to += perBatch * sliceSize * bytes;
        }
      }
      return out;
    }
    const output = allocateTypedOutput(access, info.outputShape, x.dtype);
    const out = output.values;
    // Views again after the allocation, which may have grown (and detached) a wasm heap.
    const values = viewValues(access, x);
    const rows = viewValues(access, indices) as Int32Array;
    let to = 0;
    for (let b = 0; b < batchSize; b++) {
      for (let o = 0; o < outerSize; o++) {
        const base = (b * outerSize + o) * dimSize;
        for (let i = b * perBatch; i < (b + 1) * perBatch; i++, to += sliceSize) {
          const from = (base + rows[i]!) * sliceSize;
          if (sliceSize >= 64) out.set(values.subarray(from, from + sliceSize), to);
          else for (let k = 0; k < sliceSize; k++) out[to + k] = values[from + k]!;
        }
      }
    }
    return output.info;
  },
};
