import * as tf from '@tensorflow/tfjs';
import type { KernelBackendLike } from './backend-access.js';
import { runOriginalKernel } from './original-kernels.js';

/**
 * `Slice` for the wasm backend, copying only the slice. tfjs-backend-wasm 4.22's own kernel
 * first copies the whole input out of the heap into JavaScript (`readSync`) and then the slice
 * back in: a [1, 4] slice of a 6400×128 tensor moved 3.3 MB. This one copies the slice's
 * contiguous runs from heap to heap (the whole slice in one copy when it is contiguous, as for
 * leading-axis slices). Strings go to the backend's own kernel.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { installTrainingKernels } from '@dl/core';
 * await tf.setBackend('wasm');
 * installTrainingKernels('wasm'); // registers this kernel among others
 * tf.slice(tf.range(0, 12).reshape([3, 4]), [1, 1], [2, 2]); // [[5, 6], [9, 10]]
 * ```
 */
export const sliceKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'Slice',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x } = inputs as { x: tf.TensorInfo };
    const access = backend as unknown as KernelBackendLike;
    if (x.dtype === 'string' || access.makeOutput === undefined || access.typedArrayFromHeap === undefined) return runOriginalKernel('Slice', inputs, backend, attrs);
    const { begin: rawBegin, size: rawSize } = attrs as unknown as { begin: number | number[]; size?: number | number[] };
    const [begin, size] = tf.slice_util.parseSliceParams(x as unknown as tf.Tensor, rawBegin, rawSize) as [number[], number[]];
    tf.slice_util.assertParamsValid(x as unknown as tf.Tensor, begin, size);
    const out = access.makeOutput(size, x.dtype);
    if (size.some((d) => d === 0)) return out;
    // Views only now: makeOutput may have grown (and so detached) the heap.
    copySlice(access.typedArrayFromHeap(x), x.shape, begin, size, access.typedArrayFromHeap(out));
    return out;
  },
};

/** Copies the slice `begin`/`size` of a row-major `shape` array `from` into `to`, one contiguous run at a time. */
function copySlice(from: ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> }, shape: number[], begin: number[], size: number[], to: { set(values: ArrayLike<number>, offset: number): void }): void {
  const rank = shape.length;
  const strides = [...tf.util.computeStrides(shape), 1];
  // Axes from `first` on are copied as one run: every axis after it is taken whole.
  let first = rank - 1;
  while (first > 0 && begin[first] === 0 && size[first] === shape[first]) first -= 1;
  const run = size.slice(first).reduce((a, b) => a * b, 1);
  const outer = size.slice(0, first);
  const count = outer.reduce((a, b) => a * b, 1);
  const index = new Array<number>(first).fill(0);
  for (let r = 0; r < count; r++) {
    let source = begin[first]! * strides[first]!;
    for (let d = 0; d < first; d++) source += (begin[d]! + index[d]!) * strides[d]!;
    to.set(from.subarray(source, source + run), r * run);
    for (let d = first - 1; d >= 0; d--) {
      if (++index[d]! < outer[d]!) break;
      index[d] = 0;
    }
  }
}
