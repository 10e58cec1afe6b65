import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { orthogonalQuietElements } from './quiet-tfjs-notices.js';
import { useBackend } from './use-backend.js';

let warn: MockInstance<typeof console.warn>;

/** Everything passed to console.warn since the spy was installed, one string per call. */
function warnings(): string[] {
  return warn.mock.calls.map((args) => args.map(String).join(' '));
}

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  warn.mockRestore();
});

describe('useBackend keeps the tfjs notices that do not apply off the console', () => {
  it('cpu: no "install our node backend" notice on the first tensor', async () => {
    // This file runs in its own fork: the cpu backend has not stored a tensor yet, so without
    // the fix tfjs-backend-cpu prints its notice on the line below.
    await useBackend('cpu');
    const sum = tf.tidy(() => tf.tensor1d([1, 2, 3]).sum().arraySync());
    expect(sum).toBe(6);
    expect(warnings().join('\n')).not.toMatch(/looks like you are running TensorFlow\.js in Node\.js|tfjs-node/);
  });

  it('orthogonal initializer: quiet up to the size limit (an LSTM(64) recurrent kernel), tfjs\'s own warning above it', async () => {
    // wasm: tfjs's QR builds an m x m matrix (m the larger side), seconds on cpu at this size.
    await useBackend('wasm');
    expect(orthogonalQuietElements).toBe(64 * 256);
    const orthogonal = tf.initializers.orthogonal({ seed: 1 });
    tf.dispose([orthogonal.apply([32, 128]), orthogonal.apply([128, 128])]);
    expect(warnings()).toEqual([]);
    tf.dispose(orthogonal.apply([129, 128]));
    expect(warnings()).toEqual([
      `Orthogonal initializer is being called on a matrix with more than ${orthogonalQuietElements} (${129 * 128}) elements: Slowness may result.`,
    ]);
  });

  it('orthogonal initializer: a threshold the user set is kept', async () => {
    await useBackend('wasm');
    const orthogonal = tf.initializers.orthogonal({ seed: 1 }) as ReturnType<typeof tf.initializers.orthogonal> & { ELEMENTS_WARN_SLOW: number };
    orthogonal.ELEMENTS_WARN_SLOW = 100;
    tf.dispose(orthogonal.apply([11, 10]));
    expect(warnings()).toEqual(['Orthogonal initializer is being called on a matrix with more than 100 (110) elements: Slowness may result.']);
  });

  it('lets every other warning through, from tfjs and from the application, on cpu and wasm', async () => {
    for (const backend of ['cpu', 'wasm'] as const) {
      warn.mockClear();
      await useBackend(backend);
      console.warn('application warning', 42);
      // Real tfjs warnings: through tfjs's own warn (which the PROD and IS_TEST flags would
      // silence wholesale), and straight to console.warn (registering a backend name twice).
      tf.backend_util.warn('a tfjs warning');
      expect(tf.registerBackend('cpu', () => null as never)).toBe(false);
      expect(warnings()).toEqual([
        'application warning 42',
        'a tfjs warning',
        'cpu backend was already registered. Reusing existing backend factory.',
      ]);
    }
  });
});
