import * as tf from '@tensorflow/tfjs';
import { ShapeError, useBackend, withSeededRandom } from '@dl/core';
import { catchConfigError, checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { reparameterize } from './reparameterize.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(['cpu', 'wasm'] as const)('reparameterize on %s', (backend) => {
  it('computes mu + sigma * eps with the given noise (float64 reference)', async () => {
    await useBackend(backend);
    const mean = [[0.5, -1], [2, 0]];
    const logVar = [[0, Math.log(4)], [-1, 1.5]];
    const eps = [[1.5, -0.25], [0.3, -2]];
    const expected = mean.map((row, i) => row.map((mu, j) => mu + Math.sqrt(Math.exp(logVar[i]![j]!)) * eps[i]![j]!));
    const m = tf.tensor2d(mean);
    const l = tf.tensor2d(logVar);
    const e = tf.tensor2d(eps);
    await expectNoTensorLeaks(() => reparameterize(m, l, e).dispose());
    expectTensorsClose(reparameterize(m, l, e), tf.tensor2d(expected), { rtol: 1e-6, atol: 1e-6 });
  });

  it('has dz/dmu = 1 and dz/dlogVar = exp(logVar / 2) eps / 2 (closed form and finite differences)', async () => {
    await useBackend(backend);
    const mean = tf.tensor2d([[0.3, -1.1, 0.7], [1.5, 0.2, -0.4]]);
    const logVar = tf.tensor2d([[0.5, -0.8, 0.1], [-1.2, 0.9, 0.0]]);
    const eps = tf.tensor2d([[1.2, -0.6, 0.4], [-1.7, 0.8, 2.1]]);
    const report = checkGradients((m, l) => reparameterize(m!, l!, eps), [mean, logVar]);
    expect(report.maxRelativeError).toBeLessThan(1e-2);
    // z is element-wise in (mu, logVar), so the gradient of sum(z) is the Jacobian's diagonal.
    const [dMean, dLogVar] = tf.grads((m: tf.Tensor, l: tf.Tensor) => reparameterize(m, l, eps).sum())([mean, logVar]);
    expectTensorsClose(dMean!, tf.onesLike(mean), { rtol: 0, atol: 0 });
    const epsValues = eps.arraySync();
    const expected = logVar.arraySync().map((row, i) => row.map((l, j) => 0.5 * Math.exp(0.5 * l) * epsValues[i]![j]!));
    expectTensorsClose(dLogVar!, tf.tensor2d(expected), { rtol: 1e-5, atol: 1e-6 });
  });

  it('draws samples whose mean and variance match N(mu, sigma^2) within 4 standard errors, reproducibly under a seed', async () => {
    await useBackend(backend);
    const n = 100_000;
    const mu = [1.5, -0.5, 0];
    const logVar = [0, Math.log(0.25), 1.2];
    const draw = () =>
      tf.tidy(() => reparameterize(tf.tensor2d([mu]).tile([n, 1]), tf.tensor2d([logVar]).tile([n, 1])).arraySync() as number[][]);
    const z = await withSeededRandom(7, draw);
    const again = await withSeededRandom(7, draw);
    expect(again[123]).toEqual(z[123]);
    mu.forEach((m, j) => {
      const variance = Math.exp(logVar[j]!);
      let sum = 0;
      for (const row of z) sum += row[j]!;
      const sampleMean = sum / n;
      let squares = 0;
      for (const row of z) squares += (row[j]! - sampleMean) ** 2;
      const sampleVariance = squares / (n - 1);
      expect(Math.abs(sampleMean - m)).toBeLessThan(4 * Math.sqrt(variance / n));
      expect(Math.abs(sampleVariance - variance)).toBeLessThan(4 * variance * Math.sqrt(2 / (n - 1)));
    });
  });
});

describe('reparameterize arguments', () => {
  it('rejects noise or log-variance of another shape (ShapeError) and non-tensors (ConfigError)', () => {
    let error: unknown;
    try {
      reparameterize(tf.zeros([2, 3]), tf.zeros([2, 3]), tf.zeros([3, 2]));
    } catch (e) {
      error = e;
    }
    expect(ShapeError.isInstance(error)).toBe(true);
    expect((error as ShapeError).message).toContain('eps');
    expect(() => reparameterize(tf.zeros([2, 3]), tf.zeros([2]))).toThrow(/logVar/u);
    expect(catchConfigError(() => reparameterize(tf.zeros([2]), tf.zeros([2]), [0, 0] as never)).path).toBe('eps');
  });
});
