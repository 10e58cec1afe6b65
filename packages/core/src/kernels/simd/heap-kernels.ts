import type * as tf from '@tensorflow/tfjs';
import { simdKernelsFor } from './simd-kernels.js';

/**
 * dl's WebAssembly SIMD kernels on the memory of tfjs's wasm backend, for code that computes on
 * tensors where they lie: a loop of many small products and element-wise steps, each of which
 * would cost a kernel dispatch and a copy through tfjs (@dl/recurrent's time loop runs on it).
 * All addresses are byte offsets into the backend's memory; all sizes are elements (float32).
 *
 * Any tensor allocation may grow the backend's memory, which detaches every `Float32Array` over
 * it: allocate first, then take {@link HeapKernels.floats} views, and take them again after
 * anything else may have allocated.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { heapKernels, useBackend } from '@dl/core';
 * await useBackend('wasm');
 * const k = heapKernels(tf.backend())!;
 * const a = tf.ones([2, 3]), b = tf.ones([3, 4]), c = tf.fill([2, 4], 0);
 * const scratch = tf.fill([Math.ceil(k.scratchBytes(2, 4, 3) / 4)], 0);
 * k.multiply(k.address(a), false, k.address(b), false, k.address(c), 2, 4, 3, k.address(scratch));
 * c.dataSync(); // eight 3s: c = a·b, computed where the tensors lie
 * ```
 */
export interface HeapKernels {
  /** The byte address of the first value of a tensor of this backend (a `tf.Tensor` or a kernel's `TensorInfo`). */
  address(tensor: { readonly dataId: tf.DataId }): number;
  /** A view of `count` float32 values at `address` (detached when the memory grows: see above). */
  floats(address: number, count: number): Float32Array;
  /**
   * `c = op(a) · op(b)` (`m×n`, row-major), `op(a)` transposed when `transposeA` (then `a` is
   * stored `k×m`, else `m×k`), `op(b)` likewise (`b` stored `n×k` or `k×n`). `scratch`: the
   * address of {@link HeapKernels.scratchBytes} bytes that the product may overwrite. With
   * `addToC`, `c += op(a) · op(b)`. Each value sums its `k` products in order (from `c`'s value
   * with `addToC`), so results do not depend on the thread count.
   */
  multiply(a: number, transposeA: boolean, b: number, transposeB: boolean, c: number, m: number, n: number, k: number, scratch: number, addToC?: boolean): void;
  /** Bytes of scratch memory that {@link HeapKernels.multiply} needs for an `m×n×k` product. */
  scratchBytes(m: number, n: number, k: number): number;
  /**
   * In place, the logistic function `1 / (1 + e^−x)` of `count` floats at `address`, or of `rows`
   * such runs `rowStride` floats apart (a column block of a matrix): within a few float32 ulps
   * wherever the result is at least 2^−126 (below x ≈ −87.3 it returns about 1.2e−38); NaN stays
   * NaN. Four values per SIMD operation, each value computed alike wherever it lies.
   */
  sigmoid(address: number, count: number, rows?: number, rowStride?: number): void;
  /** In place, `tanh` of `count` floats at `address` (or `rows` runs, as {@link HeapKernels.sigmoid}), within a few float32 ulps everywhere; NaN stays NaN. */
  tanh(address: number, count: number, rows?: number, rowStride?: number): void;
}

/**
 * {@link HeapKernels} for a tfjs-backend-wasm backend, or `undefined` where they cannot run:
 * another backend, a runtime without WebAssembly SIMD, or a browser's main thread before
 * `useBackend('wasm')` (or `prepareSimdKernels`) has compiled them.
 *
 * @param backend - the backend, usually `tf.backend()`.
 * @returns the kernels bound to that backend's memory, or `undefined`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { heapKernels, useBackend } from '@dl/core';
 * await useBackend('wasm');
 * const kernels = heapKernels(tf.backend());
 * if (kernels !== undefined) {
 *   const x = tf.tensor1d([-1, 0, 1]); // a tensor we own, so we may change it in place
 *   kernels.sigmoid(kernels.address(x), 3);
 *   x.dataSync(); // [0.2689, 0.5, 0.7311]
 * }
 * ```
 */
export function heapKernels(backend: unknown): HeapKernels | undefined {
  return simdKernelsFor(backend);
}
