import type * as tf from '@tensorflow/tfjs';
import { makeOutput, readValues, runBackendKernel, type KernelBackendLike } from './backend-access.js';
import { runOriginalKernel } from './original-kernels.js';

/**
 * `BatchMatMul` for the wasm backend, routed to the one path that wasm runs fast: a
 * single, untransposed product, which it hands to XNNPACK (about 25 GFLOP/s here). The
 * backend's own kernel computes every other case — a transposed operand (all matmul
 * gradients), or a batch of products (attention) — in a scalar loop at 0.6-2 GFLOP/s.
 *
 * - `transposeA` / `transposeB`: the operand is transposed first with the backend's
 *   `Transpose` kernel (memory-bound, about 1 ms per 2M values).
 * - a batch whose other operand is shared (batch 1): folded into one product.
 * - a true batch: one XNNPACK product per batch entry.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { installTrainingKernels } from '@dl/core';
 * await tf.setBackend('wasm');
 * installTrainingKernels('wasm'); // registers this kernel among others
 * tf.matMul(q, k, false, true); // now on XNNPACK
 * ```
 */
export const batchMatMulKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'BatchMatMul',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
    const access = backend as unknown as KernelBackendLike;
    const run = (x: tf.TensorInfo, y: tf.TensorInfo): tf.TensorInfo =>
      runOriginalKernel('BatchMatMul', { a: x, b: y }, backend, { transposeA: false, transposeB: false });

    const temporaries: tf.TensorInfo[] = [];
    const left = transposeA ? swapLastAxes(access, a, temporaries) : a;
    const right = transposeB ? swapLastAxes(access, b, temporaries) : b;
    const [m, k] = left.shape.slice(-2) as [number, number];
    const n = right.shape.at(-1) as number;
    const batchA = left.shape.slice(0, -2);
    const batchB = right.shape.slice(0, -2);
    const sizeA = batchA.reduce((x, y) => x * y, 1);
    const sizeB = batchB.reduce((x, y) => x * y, 1);
    const batchShape = sizeA >= sizeB ? batchA : batchB;
    let result: tf.TensorInfo;
    if (sizeB === 1) {
      // Fold the batch of A into its rows: [sizeA·m, k] · [k, n].
      result = run(view(left, [1, sizeA * m, k]), view(right, [1, k, n]));
    } else if (sizeA === sizeB || sizeA === 1) {
      result = perEntry(access, left, right, { sizeA, sizeB, m, k, n }, run);
    } else {
      result = run(left, right);
    }
    for (const info of temporaries) access.disposeData(info.dataId);
    return { dataId: result.dataId, shape: [...batchShape, m, n], dtype: result.dtype };
  },
};

/** The same data under another shape (no copy). */
function view(info: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

function swapLastAxes(access: KernelBackendLike, info: tf.TensorInfo, temporaries: tf.TensorInfo[]): tf.TensorInfo {
  const rank = info.shape.length;
  const perm = [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];
  const transposed = runBackendKernel('Transpose', access, { x: info }, { perm });
  temporaries.push(transposed);
  return transposed;
}

function perEntry(
  access: KernelBackendLike,
  left: tf.TensorInfo,
  right: tf.TensorInfo,
  sizes: { sizeA: number; sizeB: number; m: number; k: number; n: number },
  run: (x: tf.TensorInfo, y: tf.TensorInfo) => tf.TensorInfo,
): tf.TensorInfo {
  const { sizeA, sizeB, m, k, n } = sizes;
  const batch = Math.max(sizeA, sizeB);
  const aValues = readValues(access, left) as Float32Array;
  const bValues = readValues(access, right) as Float32Array;
  const out = new Float32Array(batch * m * n);
  for (let i = 0; i < batch; i++) {
    const ai = sizeA === 1 ? 0 : i;
    const x = makeOutput(access, [1, m, k], 'float32', aValues.subarray(ai * m * k, (ai + 1) * m * k));
    const y = makeOutput(access, [1, k, n], 'float32', bValues.subarray(i * k * n, (i + 1) * k * n));
    const product = run(x, y);
    out.set(readValues(access, product) as Float32Array, i * m * n);
    for (const info of [x, y, product]) access.disposeData(info.dataId);
  }
  return makeOutput(access, [batch, m, n], 'float32', out);
}
