import type * as tf from '@tensorflow/tfjs';

/**
 * A kernel dl provides for a backend. `replace` kernels take the place of the backend's
 * own (where its own is pathologically slow); the others only fill gaps.
 */
export interface ProvidedKernel {
  readonly config: Omit<tf.KernelConfig, 'backendName'>;
  readonly replace: boolean;
}

/** dl's training kernels, by backend. */
export const providedKernels: Readonly<Record<string, readonly ProvidedKernel[]>> = {};
