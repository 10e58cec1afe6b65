import * as tf from '@tensorflow/tfjs';
import { batchMatMulGradient } from '../kernels/batch-mat-mul-gradient.js';
import { fusedBatchNormGradient } from '../kernels/fused-batch-norm-gradient.js';
import { providedKernels } from '../kernels/index.js';
import { resizeBilinearGradient, resizeNearestNeighborGradient } from '../kernels/resize-gradients.js';
import { rememberOriginalKernel } from '../kernels/original-kernels.js';

/**
 * Registers dl's training kernels on `backend`: the ones it lacks, and faster
 * replacements for the few of its own that are slow or wrong (tfjs 4.22's `BatchMatMul`
 * does not broadcast batches correctly on wasm, cpu or webgpu). It also registers a `BatchMatMul`
 * gradient that sums over broadcast batch axes (tfjs's own fails on any broadcast) and a
 * `FusedBatchNorm` gradient that broadcasts where tfjs's tiles (see {@link fusedBatchNormGradient}),
 * and `ResizeBilinear` and `ResizeNearestNeighbor` gradients that honour half-pixel centres (see
 * {@link resizeBilinearGradient}).
 * Returns the kernel names registered now; calling it again registers nothing new.
 *
 * `useBackend` calls it for you; call it yourself when you pick a backend with
 * `tf.setBackend`.
 *
 * @param backend - a registered backend name (`wasm`, `cpu`, ...).
 * @returns names of the kernels registered by this call.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import '@tensorflow/tfjs-backend-wasm';
 * import { installTrainingKernels } from '@dl/core';
 * await tf.setBackend('wasm');
 * installTrainingKernels('wasm'); // ['UnsortedSegmentSum', 'Conv2DBackpropFilter', ...]
 * ```
 */
export function installTrainingKernels(backend: string): string[] {
  for (const gradient of [batchMatMulGradient, fusedBatchNormGradient, resizeBilinearGradient, resizeNearestNeighborGradient]) {
    if (tf.getGradient(gradient.kernelName) !== gradient) tf.registerGradient(gradient);
  }
  const installed: string[] = [];
  for (const { config, replace } of providedKernels[backend] ?? []) {
    const existing = tf.getKernel(config.kernelName, backend);
    if (existing !== undefined) {
      if (!replace || existing.kernelFunc === config.kernelFunc) continue;
      rememberOriginalKernel(backend, config.kernelName);
      tf.unregisterKernel(config.kernelName, backend);
    }
    tf.registerKernel({ ...config, backendName: backend });
    installed.push(config.kernelName);
  }
  return installed;
}
