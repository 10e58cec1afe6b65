import * as tf from '@tensorflow/tfjs';

type TypedArray = Float32Array | Int32Array | Uint8Array;

/** The part of a tfjs kernel backend (cpu, wasm) that dl's JavaScript kernels use. */
export interface KernelBackendLike {
  readSync(dataId: tf.DataId): unknown;
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
  /** cpu and webgpu. */
  makeTensorInfo?(shape: number[], dtype: tf.DataType, values?: TypedArray): tf.TensorInfo;
  /** wasm. */
  makeOutput?(shape: number[], dtype: tf.DataType, memoryOffset?: number, values?: TypedArray): tf.TensorInfo;
  /** wasm: a view of a tensor's memory on the wasm heap. */
  typedArrayFromHeap?(info: tf.TensorInfo): TypedArray;
  /** wasm and cpu: one more tensor shares this data (the backend frees it with the last one). */
  incRef?(dataId: tf.DataId): void;
}

/** Reads a tensor's values (a copy on wasm, the backing array on cpu: never mutate it). */
export function readValues(backend: KernelBackendLike, info: tf.TensorInfo): TypedArray {
  return backend.readSync(info.dataId) as TypedArray;
}

/**
 * A read-only view of a tensor's values without copying where the backend allows it
 * (wasm: the heap itself). Valid only until the next tensor is created: growing the wasm
 * heap detaches it. Use {@link readValues} when other tensors are made meanwhile.
 */
export function viewValues(backend: KernelBackendLike, info: tf.TensorInfo): TypedArray {
  if (typeof backend.typedArrayFromHeap === 'function') return backend.typedArrayFromHeap(info);
  return backend.readSync(info.dataId) as TypedArray;
}

/** Creates an output tensor holding `values`, on whichever backend runs the kernel. */
export function makeOutput(backend: KernelBackendLike, shape: number[], dtype: tf.DataType, values: TypedArray): tf.TensorInfo {
  if (typeof backend.makeTensorInfo === 'function') return backend.makeTensorInfo(shape, dtype, values);
  if (typeof backend.makeOutput === 'function') return backend.makeOutput(shape, dtype, undefined, values);
  throw new Error('[@dl/core] This backend cannot create tensors from JavaScript values.');
}

/**
 * Creates a zero-filled output of any numeric dtype and returns it with a writable view of
 * its values, so a kernel can fill it in place (on wasm, straight into the heap, saving a
 * copy). Fill it before creating any other tensor: growing the wasm heap detaches the view.
 */
export function allocateTypedOutput(backend: KernelBackendLike, shape: number[], dtype: 'float32' | 'int32' | 'bool'): { info: tf.TensorInfo; values: TypedArray } {
  if (typeof backend.makeOutput === 'function' && typeof backend.typedArrayFromHeap === 'function') {
    const info = backend.makeOutput(shape, dtype);
    const values = backend.typedArrayFromHeap(info);
    values.fill(0);
    return { info, values };
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const values = dtype === 'float32' ? new Float32Array(size) : dtype === 'int32' ? new Int32Array(size) : new Uint8Array(size);
  return { info: makeOutput(backend, shape, dtype, values), values };
}

/** {@link allocateTypedOutput} for float32, the common case. */
export function allocateOutput(backend: KernelBackendLike, shape: number[]): { info: tf.TensorInfo; values: Float32Array } {
  return allocateTypedOutput(backend, shape, 'float32') as { info: tf.TensorInfo; values: Float32Array };
}

/** Runs another registered kernel of the active backend from inside a kernel. */
export function runBackendKernel(
  name: string,
  backend: KernelBackendLike,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap,
): tf.TensorInfo {
  const kernel = tf.getKernel(name, tf.getBackend());
  if (kernel === undefined) throw new Error(`[@dl/core] Kernel '${name}' is not registered for backend '${tf.getBackend()}'.`);
  return kernel.kernelFunc({ inputs, backend: backend as unknown as tf.KernelBackend, attrs }) as tf.TensorInfo;
}
