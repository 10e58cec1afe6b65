import * as tf from '@tensorflow/tfjs';
import { BackendError } from '../errors/backend-error.js';

/**
 * `tensor.dataSync()`, or, where the active backend cannot read synchronously (tfjs's
 * webgpu backend reads through `OffscreenCanvas`, which Node lacks), a {@link BackendError}
 * that names the asynchronous twin of the helper that tried.
 */
export function readValuesSync(tensor: tf.Tensor, helper: string): ArrayLike<number> {
  try {
    return tensor.dataSync() as ArrayLike<number>;
  } catch (error) {
    if (tf.getBackend() === 'webgpu' && typeof (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas === 'undefined') {
      throw new BackendError({
        backend: 'webgpu',
        reason: `${helper} reads tensors synchronously, which tfjs's webgpu backend cannot do here (it reads through OffscreenCanvas, which Node lacks): use ${helper}Async.`,
        package: 'core/testing',
        cause: error,
      });
    }
    throw error;
  }
}

/** `await tensor.data()` as numbers: works on every backend. */
export async function readValues(tensor: tf.Tensor): Promise<ArrayLike<number>> {
  return (await tensor.data()) as ArrayLike<number>;
}
