import * as tf from '@tensorflow/tfjs';

/**
 * Kernels that backpropagation through the layers of the dl packages needs beyond the
 * forward ones: gradients of Embedding (UnsortedSegmentSum), Conv2D, Conv2DTranspose,
 * depthwise convolutions and pooling. A backend that lacks any of them can run
 * inference but not `fit`.
 *
 * @example
 * ```ts
 * import { trainingKernelNames } from '@dl/core';
 * trainingKernelNames.includes('Conv2DBackpropFilter'); // true
 * ```
 */
export const trainingKernelNames: readonly string[] = [
  'UnsortedSegmentSum',
  'Conv2DBackpropFilter',
  'Conv2DBackpropInput',
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
  'MaxPoolGrad',
  'AvgPoolGrad',
];

/**
 * Lists the training kernels (see {@link trainingKernelNames}) that `backend` has no
 * implementation of. An empty list means the backend can train every model here.
 *
 * @param backend - a registered backend name such as `wasm`.
 * @returns the missing kernel names, in {@link trainingKernelNames} order.
 * @example
 * ```ts
 * import { missingTrainingKernels } from '@dl/core';
 * missingTrainingKernels('cpu'); // []
 * ```
 */
export function missingTrainingKernels(backend: string): string[] {
  return trainingKernelNames.filter((name) => tf.getKernel(name, backend) === undefined);
}
