import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@dl/core';
import { rejectUnknownKeys } from '../internal/validate.js';

/** Options of {@link gelu}. */
export interface GeluOptions {
  /**
   * Use the tanh approximation `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))` instead of the
   * exact `x·Φ(x)`. Default false, as Keras's `keras.activations.gelu(x, approximate=False)`
   * and PyTorch's `F.gelu(x, approximate='none')`.
   */
  readonly approximate?: boolean;
}

/**
 * GELU (Hendrycks & Gimpel, 2016): `x·Φ(x) = 0.5·x·(1 + erf(x/√2))`, Φ the standard normal CDF.
 *
 * Exact by default, as Keras and PyTorch (and tfjs-layers' `'gelu'` activation). The tanh
 * approximation (`approximate: true`; keras_hub's `gelu_approximate`, PyTorch's
 * `approximate='tanh'`, tfjs-layers' `'gelu_new'`, GPT-2's and BERT's original code) differs
 * from it by up to 4.7e-4 (near |x| = 2.7), so weights trained with one form give
 * slightly different outputs with the other. The exact form uses `tf.erf`, which has a
 * gradient (`2/√π·exp(-x²)`) and a kernel on the cpu, wasm, webgl and webgpu backends.
 *
 * @param x - any float tensor.
 * @param options - see {@link GeluOptions}.
 * @param options.approximate - tanh approximation instead of the exact form; default false.
 * @returns a tensor of the shape of `x`; the caller disposes it.
 * @throws ConfigError for an unknown option or a non-boolean `approximate`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { gelu } from '@dl/softmax-attention';
 * console.log(await gelu(tf.tensor1d([-1, 0, 1])).array()); // [-0.1586553, 0, 0.8413447]
 * console.log(await gelu(tf.tensor1d([-1, 0, 1]), { approximate: true }).array()); // [-0.1588080, 0, 0.8411920]
 * ```
 */
export function gelu(x: tf.Tensor, options: GeluOptions = {}): tf.Tensor {
  rejectUnknownKeys(options, ['approximate'], { kind: 'option', where: 'gelu' });
  const approximate = options.approximate ?? false;
  if (typeof approximate !== 'boolean') {
    throw new ConfigError({ package: 'softmax-attention', path: 'approximate', value: approximate, expected: 'a boolean' });
  }
  return tf.tidy(() => {
    if (approximate) {
      const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
      return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner)));
    }
    return tf.mul(tf.mul(0.5, x), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2))));
  });
}
