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
