import * as tf from '@tensorflow/tfjs';
import type { HeapKernels } from '@dl/core';

/**
 * Where a fused pass keeps its arrays. On the wasm heap (`heap`): in tensors, so that the steps'
 * products run where the values lie and the results become tensors without a copy through
 * JavaScript; the forward trace is handed to the backward pass through `save` (kept only while a
 * gradient tape records). Elsewhere: in JavaScript arrays, kept by the gradient's closure.
 */
export type Storage = tf.Tensor | Float32Array;

/** Zeroed storage of `length` float32 values: a tensor on the heap when `heap` is given, else a JavaScript array. */
export function allocate(heap: HeapKernels | undefined, length: number): Storage {
  // tf.fill runs on the heap; tf.zeros would build the zeros in JavaScript first and copy them.
  return heap === undefined ? new Float32Array(length) : tf.fill([length], 0);
}

/** The values of `storage`: a view of the heap (take it after the pass's last allocation) or the array itself. */
export function valuesOf(heap: HeapKernels | undefined, storage: Storage): Float32Array {
  return storage instanceof Float32Array ? storage : heap!.floats(heap!.address(storage), storage.size);
}

/** `length` values of `storage` from `offset` on, as a new tensor of `shape` (on the heap by a Slice kernel: no view is read). */
export function tensorOf(storage: Storage, offset: number, shape: number[]): tf.Tensor {
  const length = shape.reduce((a, b) => a * b, 1);
  return storage instanceof Float32Array ? tf.tensor(storage.subarray(offset, offset + length), shape) : tf.reshape(tf.slice(storage, [offset], [length]), shape);
}

/** Where `part` (a subarray of `whole`) starts in `whole`, in values. */
export const offsetIn = (whole: Float32Array, part: Float32Array): number => (part.byteOffset - whole.byteOffset) / 4;
