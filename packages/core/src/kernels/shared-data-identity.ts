import type * as tf from '@tensorflow/tfjs';
import type { KernelBackendLike } from './backend-access.js';
import { runOriginalKernel } from './original-kernels.js';

/** The same data under a new tensor: the backend counts one more reference (as its `Reshape` does). */
function shareData(backend: KernelBackendLike, x: tf.TensorInfo, kernelName: string, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap | undefined): tf.TensorInfo {
  if (typeof backend.incRef !== 'function' || x.dtype === 'string') return runOriginalKernel(kernelName, inputs, backend, attrs);
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

/**
 * `Identity` (`tf.clone`, and gradients that pass `dy` through, such as `Cast`'s) without a
 * copy: the output shares the input's data, as on the cpu backend. tfjs tensors are
 * immutable, so sharing is safe; the wasm backend copies every time (1,144 copies, 90 ms,
 * in an epoch of the bench's Fashion-MNIST classifier).
 *
 * @example
 * ```ts
 * import type * as tf from '@tensorflow/tfjs';
 * import { installTrainingKernels } from '@dl/core';
 * await tf.setBackend('wasm');
 * installTrainingKernels('wasm'); // registers this kernel among others
 * const copy = tf.clone(x); // same values, no copy made
 * ```
 */
export const sharedDataIdentityKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'Identity',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x } = inputs as { x: tf.TensorInfo };
    return shareData(backend as unknown as KernelBackendLike, x, 'Identity', inputs, attrs);
  },
};

/**
 * `Cast` to the dtype a tensor already has, without a copy (the output shares the data);
 * every real conversion goes to the backend's own kernel. tfjs's gradients of `Multiply`,
 * `Relu` and `Square` cast `dy` to float32 whether or not it already is.
 *
 * @example
 * ```ts
 * import type * as tf from '@tensorflow/tfjs';
 * import { installTrainingKernels } from '@dl/core';
 * await tf.setBackend('wasm');
 * installTrainingKernels('wasm'); // registers this kernel among others
 * tf.cast(floats, 'float32'); // no copy; tf.cast(floats, 'int32') still converts
 * ```
 */
export const sameDtypeCastKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'Cast',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x } = inputs as { x: tf.TensorInfo };
    const { dtype } = attrs as unknown as tf.CastAttrs;
    if (dtype !== x.dtype) return runOriginalKernel('Cast', inputs, backend, attrs);
    return shareData(backend as unknown as KernelBackendLike, x, 'Cast', inputs, attrs);
  },
};
