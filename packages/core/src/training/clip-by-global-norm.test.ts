import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectNoTensorLeaks } from '../testing/expect-no-tensor-leaks.js';
import { expectTensorsClose } from '../testing/expect-tensors-close.js';
import { ConfigError } from '../errors/config-error.js';
import { clipByGlobalNorm } from './clip-by-global-norm.js';

/** float64 reference: scale every element by min(1, maxNorm / ||all||). */
function reference(groups: number[][], maxNorm: number): { norm: number; clipped: number[][] } {
  const norm = Math.sqrt(groups.flat().reduce((sum, x) => sum + x * x, 0));
  const scale = Math.min(1, maxNorm / norm);
  return { norm, clipped: groups.map((g) => g.map((x) => x * scale)) };
}

describe('clipByGlobalNorm', () => {
  it('scales all gradients by maxNorm / globalNorm when the norm is too large', () => {
    const groups = [[3, -4, 1], [2, 0.5]];
    const { norm, clipped } = reference(groups, 2);
    const { gradients, globalNorm } = clipByGlobalNorm(groups.map((g) => tf.tensor1d(g)), 2);
    expectTensorsClose(globalNorm, norm, { rtol: 1e-6 });
    gradients.forEach((g, i) => expectTensorsClose(g, clipped[i]!, { rtol: 1e-6 }));
    tf.dispose([...gradients, globalNorm]);
  });

  it('leaves small gradients unchanged and keeps names', () => {
    const { gradients, globalNorm } = clipByGlobalNorm({ w: tf.tensor1d([0.1, 0.2]) }, 10);
    expectTensorsClose(gradients.w!, [0.1, 0.2]);
    tf.dispose([gradients.w!, globalNorm]);
  });

  it('rejects a non-positive maxNorm and leaks nothing', async () => {
    expect(() => clipByGlobalNorm([], 0)).toThrow(ConfigError);
    const inputs = [tf.ones([3])];
    await expectNoTensorLeaks(() => {
      const result = clipByGlobalNorm(inputs, 1);
      tf.dispose([...result.gradients, result.globalNorm]);
    });
    tf.dispose(inputs);
  });
});
