import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, ShapeError, useBackend } from '@dl/core';
import { catchConfigError, checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { gaussianKlDivergence } from './gaussian-kl.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Standard normal draws (Box-Muller) in float64 from a seeded stream. */
function normals(count: number, seed: number): Float64Array {
  const random = createSeededRandom(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - random.next()));
    const theta = 2 * Math.PI * random.next();
    out[i] = r * Math.cos(theta);
    if (i + 1 < count) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}

/** KL(N(mu, diag s²) || N(0, I)) from the definition of each 1-D Gaussian KL, in float64: log(1/s) + (s² + mu²)/2 - 1/2. */
function klReference(mean: readonly number[], logVar: readonly number[]): number {
  let total = 0;
  for (let j = 0; j < mean.length; j += 1) {
    const variance = Math.exp(logVar[j]!);
    total += -0.5 * Math.log(variance) + (variance + mean[j]! ** 2) / 2 - 0.5;
  }
  return total;
}

/** log N(z; mu, diag e^logVar) in float64. */
function logNormal(z: readonly number[], mean: readonly number[], logVar: readonly number[]): number {
  let total = 0;
  for (let j = 0; j < z.length; j += 1) total += -0.5 * (Math.log(2 * Math.PI) + logVar[j]! + (z[j]! - mean[j]!) ** 2 / Math.exp(logVar[j]!));
  return total;
}

describe.each(['cpu', 'wasm'] as const)('gaussianKlDivergence on %s', (backend) => {
  it('matches the float64 KL of each example, over the last axis, for rank 1 to 3', async () => {
    await useBackend(backend);
    const random = createSeededRandom(3);
    for (const shape of [[5], [4, 3], [2, 3, 6]]) {
      const size = shape.reduce((a, b) => a * b, 1);
      const mean = Array.from({ length: size }, () => random.next() * 4 - 2);
      const logVar = Array.from({ length: size }, () => random.next() * 4 - 2);
      const latent = shape.at(-1)!;
      const expected: number[] = [];
      for (let start = 0; start < size; start += latent) expected.push(klReference(mean.slice(start, start + latent), logVar.slice(start, start + latent)));
      const m = tf.tensor(mean, shape);
      const l = tf.tensor(logVar, shape);
      // Nothing but the result is left behind.
      await expectNoTensorLeaks(() => gaussianKlDivergence(m, l).dispose());
      const kl = gaussianKlDivergence(m, l);
      expect(kl.shape).toEqual(shape.slice(0, -1));
      expectTensorsClose(kl, tf.tensor(expected, shape.slice(0, -1)), { rtol: 1e-5, atol: 1e-5 });
      tf.dispose([m, l, kl]);
    }
  });

  it('is 0 at the prior and agrees with a Monte-Carlo estimate E_q[log q(z) - log p(z)] within 4 standard errors', async () => {
    await useBackend(backend);
    const zero = gaussianKlDivergence(tf.zeros([2, 3]), tf.zeros([2, 3]));
    expectTensorsClose(zero, tf.zeros([2]), { atol: 0, rtol: 0 });
    const cases = [
      { mean: [0.5, -1.2, 2], logVar: [0.3, -1, 0.8] },
      { mean: [0, 0, 0.1], logVar: [-2, 1.5, 0] },
    ];
    const samples = 200_000;
    const closed = gaussianKlDivergence(tf.tensor2d(cases.map((c) => c.mean)), tf.tensor2d(cases.map((c) => c.logVar))).dataSync();
    cases.forEach((c, index) => {
      const eps = normals(samples * 3, 10 + index);
      let sum = 0;
      let sumSquares = 0;
      const zeros = [0, 0, 0];
      for (let s = 0; s < samples; s += 1) {
        const z = c.mean.map((mu, j) => mu + Math.exp(0.5 * c.logVar[j]!) * eps[s * 3 + j]!);
        const term = logNormal(z, c.mean, c.logVar) - logNormal(z, zeros, zeros);
        sum += term;
        sumSquares += term * term;
      }
      const estimate = sum / samples;
      const standardError = Math.sqrt((sumSquares / samples - estimate ** 2) / samples);
      expect(standardError).toBeGreaterThan(0);
      expect(Math.abs(closed[index]! - estimate)).toBeLessThan(4 * standardError);
    });
  });

  it('has the gradients of the closed form (dKL/dmu = mu, dKL/dlogVar = (e^logVar - 1)/2) and of finite differences', async () => {
    await useBackend(backend);
    const mean = tf.tensor2d([[0.3, -1.1, 0.7], [1.5, 0.2, -0.4]]);
    const logVar = tf.tensor2d([[0.5, -0.8, 0.1], [-1.2, 0.9, 0.0]]);
    const report = checkGradients((m, l) => gaussianKlDivergence(m!, l!), [mean, logVar], { tolerance: 1e-2 });
    expect(report.maxRelativeError).toBeLessThan(1e-2);
    const [dMean, dLogVar] = tf.grads((m: tf.Tensor, l: tf.Tensor) => gaussianKlDivergence(m, l).sum())([mean, logVar]);
    expectTensorsClose(dMean!, tf.tensor2d(mean.arraySync().map((row) => row.map((mu) => mu))), { rtol: 1e-5, atol: 1e-6 });
    expectTensorsClose(dLogVar!, tf.tensor2d(logVar.arraySync().map((row) => row.map((l) => (Math.exp(l) - 1) / 2))), { rtol: 1e-5, atol: 1e-6 });
  });
});

describe('gaussianKlDivergence arguments', () => {
  it('rejects mismatched shapes with a ShapeError and non-tensors with a ConfigError', () => {
    let error: unknown;
    try {
      gaussianKlDivergence(tf.zeros([2, 3]), tf.zeros([2, 4]));
    } catch (e) {
      error = e;
    }
    expect(ShapeError.isInstance(error)).toBe(true);
    expect((error as ShapeError).message).toContain('logVar');
    expect(() => gaussianKlDivergence(tf.scalar(0), tf.scalar(0))).toThrow(/rank >= 1/u);
    expect(catchConfigError(() => gaussianKlDivergence([0, 1] as never, tf.zeros([2]))).path).toBe('mean');
  });
});
