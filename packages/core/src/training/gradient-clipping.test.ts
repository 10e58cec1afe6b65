import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '../testing/index.js';
import { withGradientClipping } from './gradient-clipping.js';
import { withSeededRandom } from '../random/with-seeded-random.js';

/** One SGD(lr = 1) step from zero with the given gradients: the update is minus what the optimizer applied. */
function appliedGradients(gradients: number[][], options: Parameters<typeof withGradientClipping>[1]): number[][] {
  const variables = gradients.map((g, i) => tf.variable(tf.zeros([g.length]), true, `v${i}_${Math.random()}`));
  const optimizer = withGradientClipping(tf.train.sgd(1), options);
  optimizer.applyGradients(Object.fromEntries(variables.map((variable, i) => [variable.name, tf.tensor1d(gradients[i]!)])));
  const applied = variables.map((variable) => Array.from(variable.dataSync(), (x) => -x));
  tf.dispose(variables);
  return applied;
}

describe('withGradientClipping', () => {
  it('scales all gradients together to the global norm (float64 reference)', async () => {
    await tf.setBackend('cpu');
    const gradients = [[3, 4], [12]]; // global norm sqrt(9 + 16 + 144) = 13
    const scale = 2 / 13;
    const applied = appliedGradients(gradients, { clipNorm: 2 });
    expectTensorsClose(tf.tensor(applied.flat()), gradients.flat().map((g) => g * scale), { atol: 1e-6 });
    // Below the threshold nothing changes.
    expectTensorsClose(tf.tensor(appliedGradients(gradients, { clipNorm: 20 }).flat()), gradients.flat(), { atol: 0 });
  });

  it('clips elements with clipValue, after the norm when both are given', async () => {
    await tf.setBackend('cpu');
    expect(appliedGradients([[3, -4, 0.5]], { clipValue: 1 }).flat()).toEqual([1, -1, 0.5]);
    // Scaled to norm 2.5 first (3 and -4 stay beyond ±1), then clipped to ±1.
    const scale = 2.5 / Math.hypot(3, -4, 0.5);
    expectTensorsClose(tf.tensor(appliedGradients([[3, -4, 0.5]], { clipNorm: 2.5, clipValue: 1 }).flat()), [1, -1, 0.5 * scale], { atol: 1e-6 });
  });

  it('trains a model through model.fit with the inner optimizer\u2019s state, leaking nothing', async () => {
    await tf.setBackend('cpu');
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'zeros' })] });
    const adam = tf.train.adam(0.1);
    model.compile({ optimizer: withGradientClipping(adam, { clipNorm: 1 }), loss: 'meanSquaredError' });
    const x = tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]);
    const y = tf.tensor2d([[5], [11], [17], [23]]);
    await withSeededRandom(1, () => model.fit(x, y, { epochs: 1, verbose: 0 }));
    await expectNoTensorLeaks(async () => {
      await withSeededRandom(2, () => model.fit(x, y, { epochs: 60, verbose: 0 }));
    });
    expect((model.evaluate(x, y) as tf.Scalar).dataSync()[0]).toBeLessThan(1);
    expect(adam.iterations).toBe(61);
  });

  it('rejects bad options with a ConfigError naming the field', () => {
    const sgd = tf.train.sgd(1);
    expect(catchConfigError(() => withGradientClipping(sgd, { clipNorm: 0 })).path).toBe('clipNorm');
    expect(catchConfigError(() => withGradientClipping(sgd, { clipValue: Number.NaN })).path).toBe('clipValue');
    expect(catchConfigError(() => withGradientClipping(sgd, { clipnorm: 1 } as never)).message).toContain('clipNorm');
  });
});
