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
 * Creates a zero-filled float32 output and returns it with a writable view of its
 * values, so a kernel can fill it in place (on wasm, straight into the heap, saving a
 * copy). Fill it before creating any other tensor: growing the wasm heap detaches the view.
 */
export function allocateOutput(backend: KernelBackendLike, shape: number[]): { info: tf.TensorInfo; values: Float32Array } {
  if (typeof backend.makeOutput === 'function' && typeof backend.typedArrayFromHeap === 'function') {
    const info = backend.makeOutput(shape, 'float32');
    const values = backend.typedArrayFromHeap(info) as Float32Array;
    values.fill(0);
    return { info, values };
  }
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  return { info: makeOutput(backend, shape, 'float32', values), values };
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
