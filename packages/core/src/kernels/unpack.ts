import type * as tf from '@tensorflow/tfjs';
import { makeOutput, readValues, type KernelBackendLike } from './backend-access.js';

/**
 * `Unpack` (`tf.unstack`): splits a tensor along an axis into its slices, in one pass
 * over the data. tfjs-layers' recurrent layers unstack their input over time every
 * batch; the wasm backend slices once per time step (about 40 ms for a
 * [64, 100, 32] input here), this copies each slice's rows directly.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { installTrainingKernels } from '@dl/core';
 * await tf.setBackend('wasm');
 * installTrainingKernels('wasm'); // registers this kernel among others
 * tf.unstack(x, 1); // one [batch, features] tensor per time step
 * ```
 */
export const unpackKernel: Omit<tf.KernelConfig, 'backendName'> = {
  kernelName: 'Unpack',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { value } = inputs as { value: tf.TensorInfo };
    const rank = value.shape.length;
    const rawAxis = (attrs as unknown as { axis: number }).axis;
    const axis = rawAxis < 0 ? rawAxis + rank : rawAxis;
    const access = backend as unknown as KernelBackendLike;
    const values = readValues(access, value);
    const count = value.shape[axis] as number;
    const outer = value.shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const inner = value.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const outShape = value.shape.filter((_, i) => i !== axis);
    const outputs: tf.TensorInfo[] = [];
    for (let k = 0; k < count; k++) {
      const slice = new (values.constructor as Float32ArrayConstructor)(outer * inner);
      for (let o = 0; o < outer; o++) slice.set(values.subarray((o * count + k) * inner, (o * count + k + 1) * inner), o * inner);
      outputs.push(makeOutput(access, outShape, value.dtype, slice));
    }
    return outputs;
  },
};
