import * as tf from '@tensorflow/tfjs';

const originals = new Map<string, tf.KernelFunc>();

/** Remembers a backend's own kernel before dl replaces it, so a replacement can fall back to it. */
export function rememberOriginalKernel(backendName: string, kernelName: string): void {
  const key = `${backendName}/${kernelName}`;
  const existing = tf.getKernel(kernelName, backendName);
  if (existing !== undefined && !originals.has(key)) originals.set(key, existing.kernelFunc);
}

/** The backend's own kernel that dl replaced, if any. */
export function originalKernel(backendName: string, kernelName: string): tf.KernelFunc | undefined {
  return originals.get(`${backendName}/${kernelName}`);
}

/**
 * Runs the backend's own kernel that dl replaced, for the cases a replacement hands back
 * (another data layout, another dtype, an unusual reduction).
 */
export function runOriginalKernel(kernelName: string, inputs: tf.NamedTensorInfoMap, backend: unknown, attrs: tf.NamedAttrMap | undefined): tf.TensorInfo {
  const original = originalKernel(tf.getBackend(), kernelName);
  if (original === undefined) {
    throw new Error(`[@dl/core] ${kernelName}: this case is not supported on '${tf.getBackend()}' (use NHWC, channelsLast, for convolutions).`);
  }
  return original({ inputs, backend: backend as tf.KernelBackend, attrs: attrs ?? {} }) as tf.TensorInfo;
}
