import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { catchConfigError, checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { discriminatorLoss, generatorLoss } from './gan-losses.js';

afterAll(async () => {
  await useBackend('cpu');
});

/** float64, from the definition: binary cross-entropy of target t against p = 1 / (1 + e^-x). */
function bce(x: number, t: number): number {
  const p = 1 / (1 + Math.exp(-x));
  return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
}
const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

const real = [2.5, -0.7, 0.0, 4.0, -3.1, 1.2];
const fake = [-1.5, 0.3, -6.0, 2.2];

describe.each(['cpu', 'wasm'] as const)('GAN losses on %s', (backend) => {
  it('discriminatorLoss is the mean BCE on real (target 1 - smoothing) plus the mean BCE on fake (target 0)', async () => {
    await useBackend(backend);
    for (const labelSmoothing of [0, 0.1, 0.3]) {
      const expected = mean(real.map((x) => bce(x, 1 - labelSmoothing))) + mean(fake.map((x) => bce(x, 0)));
      const loss = discriminatorLoss(tf.tensor2d(real, [6, 1]), tf.tensor2d(fake, [4, 1]), { labelSmoothing });
      expect(loss.shape).toEqual([]);
      expectTensorsClose(loss, expected, { rtol: 1e-5, atol: 1e-6 });
    }
    // Chance-level discriminator: 2 ln 2.
    expectTensorsClose(discriminatorLoss(tf.zeros([3, 1]), tf.zeros([5])), 2 * Math.LN2, { rtol: 1e-6 });
  });

  it('generatorLoss is the non-saturating mean(-log sigmoid(D(G(z))))', async () => {
    await useBackend(backend);
    expectTensorsClose(generatorLoss(tf.tensor2d(fake, [4, 1])), mean(fake.map((x) => -Math.log(1 / (1 + Math.exp(-x))))), { rtol: 1e-5 });
  });

  it('has the gradients of the definition (finite differences, and sigma(x) - t in closed form)', async () => {
    await useBackend(backend);
    const realLogits = tf.tensor2d(real, [6, 1]);
    const fakeLogits = tf.tensor2d(fake, [4, 1]);
    checkGradients((r, f) => discriminatorLoss(r!, f!, { labelSmoothing: 0.2 }), [realLogits, fakeLogits], { step: 1e-2, tolerance: 2e-2 });
    checkGradients((f) => generatorLoss(f!), [fakeLogits], { step: 1e-2, tolerance: 2e-2 });
    // d/dx BCE(x, t) = sigma(x) - t, divided by the batch size (the mean); 0 included (softplus, not |x|).
    const sigma = (x: number): number => 1 / (1 + Math.exp(-x));
    const [dReal, dFake] = tf.grads((r: tf.Tensor, f: tf.Tensor) => discriminatorLoss(r, f, { labelSmoothing: 0.2 }))([realLogits, fakeLogits]);
    expectTensorsClose(dReal!, real.map((x) => [(sigma(x) - 0.8) / 6]), { atol: 1e-6 });
    expectTensorsClose(dFake!, fake.map((x) => [sigma(x) / 4]), { atol: 1e-6 });
    expectTensorsClose(tf.grad((f: tf.Tensor) => generatorLoss(f))(fakeLogits), fake.map((x) => [(sigma(x) - 1) / 4]), { atol: 1e-6 });
  });

  it('stays finite, with finite gradients, for logits of huge magnitude', async () => {
    await useBackend(backend);
    const huge = tf.tensor1d([1e4, -1e4, 80, -80, 1e30]);
    // -log sigma(x) -> 0 for x -> +inf and -> -x for x -> -inf; -log(1 - sigma(x)) -> x for x -> +inf.
    const gLoss = generatorLoss(huge);
    expectTensorsClose(gLoss, (0 + 1e4 + 0 + 80 + 0) / 5, { rtol: 1e-6 });
    const dLoss = discriminatorLoss(tf.tensor1d([-1e4, 1e4]), tf.tensor1d([1e4, -1e4]), { labelSmoothing: 0.1 });
    // real: target 0.9 -> 0.9 * 1e4 (x = -1e4) and 0.1 * 1e4 (x = 1e4); fake: 1e4 and 0.
    expectTensorsClose(dLoss, (0.9e4 + 0.1e4) / 2 + 1e4 / 2, { rtol: 1e-5 });
    const gradients = tf.grad((x: tf.Tensor) => generatorLoss(x))(huge).dataSync();
    expectTensorsClose(tf.tensor1d(gradients), [0, -0.2, 0, -0.2, 0], { atol: 1e-7 });
    expectTensorsClose(discriminatorLoss(tf.tensor1d([-1e30]), tf.tensor1d([1e30])), 2e30, { rtol: 1e-6 });
  });

  it('leaks no tensors', async () => {
    await useBackend(backend);
    const r = tf.randomNormal([8, 1], 0, 1, 'float32', 1);
    const f = tf.randomNormal([8, 1], 0, 1, 'float32', 2);
    await expectNoTensorLeaks(() => {
      tf.dispose([discriminatorLoss(r, f, { labelSmoothing: 0.1 }), generatorLoss(f)]);
    });
    tf.dispose([r, f]);
  });
});

describe('GAN loss options', () => {
  it('rejects bad options and inputs with a ConfigError naming the field', () => {
    const logits = tf.zeros([2, 1]);
    expect(catchConfigError(() => discriminatorLoss(logits, logits, { labelSmoothing: 1 })).path).toBe('labelSmoothing');
    expect(catchConfigError(() => discriminatorLoss(logits, logits, { labelSmoothng: 0.1 } as never)).message).toContain('labelSmoothing');
    expect(catchConfigError(() => discriminatorLoss(tf.zeros([0]), logits)).path).toBe('realLogits');
    expect(catchConfigError(() => generatorLoss([1, 2] as never)).path).toBe('fakeLogits');
  });
});
