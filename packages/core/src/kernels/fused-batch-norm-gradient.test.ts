import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend/use-backend.js';
import { createSeededRandom } from '../random/seeded-random.js';
import { checkGradients } from '../testing/check-gradients.js';
import { expectNoTensorLeaks } from '../testing/expect-no-tensor-leaks.js';
import { expectTensorsClose } from '../testing/expect-tensors-close.js';
import { fusedBatchNormGradient } from './fused-batch-norm-gradient.js';

const backends = ['wasm', 'cpu'] as const;
beforeAll(async () => {
  for (const backend of backends) await useBackend(backend);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

function values(count: number, seed: number, low = -1, high = 1): Float32Array {
  const random = createSeededRandom(seed);
  return Float32Array.from({ length: count }, () => low + random.next() * (high - low));
}

/**
 * Float64 gradients of L = Σ w · batchNorm(x) written from y = (x − m)·γ/√(v + ε) + β for
 * channel-last x [n, c] (n = all leading positions) and per-channel m, v, γ, β.
 */
function referenceGradients(x: Float32Array, m: Float32Array, v: Float32Array, gamma: Float32Array, w: Float32Array, channels: number, epsilon: number) {
  const n = x.length / channels;
  const dx = new Float64Array(x.length);
  const dm = new Float64Array(channels);
  const dv = new Float64Array(channels);
  const dg = new Float64Array(channels);
  const db = new Float64Array(channels);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < channels; c++) {
      const k = i * channels + c;
      const std = Math.sqrt(v[c]! + epsilon);
      const centered = x[k]! - m[c]!;
      dx[k] = (w[k]! * gamma[c]!) / std;
      dm[c]! -= (w[k]! * gamma[c]!) / std;
      dv[c]! += w[k]! * gamma[c]! * centered * -0.5 * std ** -3;
      dg[c]! += (w[k]! * centered) / std;
      db[c]! += w[k]!;
    }
  }
  return { dx, dm, dv, dg, db };
}

describe.each(backends)('fusedBatchNormGradient on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it('is the gradient installTrainingKernels registers', () => {
    expect(tf.getGradient('FusedBatchNorm')).toBe(fusedBatchNormGradient);
  });

  it.each([
    [[2, 3, 4, 5]],
    [[6, 5]],
    [[1, 7, 3]],
  ])('matches the float64 derivative for x of shape %j with per-channel statistics', (shape) => {
    const channels = shape.at(-1)!;
    const size = shape.reduce((a, b) => a * b, 1);
    const epsilon = 1e-3;
    const [x, w] = [values(size, 1), values(size, 2)];
    const [m, v, gamma, beta] = [values(channels, 3), values(channels, 4, 0.2, 2), values(channels, 5, 0.5, 1.5), values(channels, 6)];
    const expected = referenceGradients(x, m, v, gamma, w, channels, epsilon);
    const grads = tf.tidy(() => {
      const weight = tf.tensor(w, shape);
      const f = (xt: tf.Tensor, mt: tf.Tensor, vt: tf.Tensor, gt: tf.Tensor, bt: tf.Tensor) => tf.batchNorm(xt, mt, vt, bt, gt, epsilon).mul(weight).sum();
      return tf.grads(f as (...args: tf.Tensor[]) => tf.Tensor)([tf.tensor(x, shape), tf.tensor1d(m), tf.tensor1d(v), tf.tensor1d(gamma), tf.tensor1d(beta)]);
    });
    const [dx, dm, dv, dg, db] = grads.map((g) => g.dataSync());
    tf.dispose(grads);
    for (const [actual, reference] of [[dx, expected.dx], [dm, expected.dm], [dv, expected.dv], [dg, expected.dg], [db, expected.db]] as const) {
      expect(actual!.length).toBe(reference.length);
      reference.forEach((value, i) => expect(actual![i]).toBeCloseTo(value, 4));
    }
  });

  it('passes a finite-difference check through the statistics, as BatchNormalization trains (moments of x)', () => {
    const x = tf.tensor4d(values(2 * 3 * 3 * 4, 7), [2, 3, 3, 4]);
    const gamma = tf.tensor1d(values(4, 8, 0.5, 1.5));
    const beta = tf.tensor1d(values(4, 9));
    const weight = tf.tensor4d(values(2 * 3 * 3 * 4, 10), [2, 3, 3, 4]);
    const report = checkGradients(
      (xt, gt, bt) => {
        const { mean, variance } = tf.moments(xt!, [0, 1, 2]);
        return tf.batchNorm(xt!, mean, variance, bt!, gt!, 1e-3).mul(weight).sum();
      },
      [x, gamma, beta],
      { tolerance: 2e-2 },
    );
    expect(report.maxRelativeError).toBeLessThan(2e-2);
    tf.dispose([x, gamma, beta, weight]);
  });

  it('handles a scale that varies along the axes the statistics are shared over (the slow path of the sums)', () => {
    // x [3, 4], mean and variance [1, 4] (shared by the rows), scale [3, 4] (one per element).
    const x = values(12, 11);
    const m = values(4, 12);
    const v = values(4, 13, 0.5, 1);
    const gamma = values(12, 14, 0.5, 1.5);
    const w = values(12, 15);
    const grads = tf.tidy(() =>
      tf.grads((xt: tf.Tensor, mt: tf.Tensor, vt: tf.Tensor, gt: tf.Tensor) => tf.batchNorm(xt, mt, vt, tf.zeros([1, 4]), gt, 1e-3).mul(tf.tensor(w, [3, 4])).sum())([
        tf.tensor(x, [3, 4]),
        tf.tensor(m, [1, 4]),
        tf.tensor(v, [1, 4]),
        tf.tensor(gamma, [3, 4]),
      ]),
    );
    const sumOverRows = (term: (k: number, c: number) => number) => [0, 1, 2, 3].map((c) => [0, 1, 2].reduce((sum, row) => sum + term(row * 4 + c, c), 0));
    const std = (c: number) => Math.sqrt(v[c]! + 1e-3);
    expectTensorsClose(grads[1]!, tf.tensor(sumOverRows((k, c) => (-w[k]! * gamma[k]!) / std(c)), [1, 4]), { atol: 1e-5, rtol: 1e-4 });
    expectTensorsClose(grads[2]!, tf.tensor(sumOverRows((k, c) => w[k]! * gamma[k]! * (x[k]! - m[c]!) * -0.5 * std(c) ** -3), [1, 4]), { atol: 1e-5, rtol: 1e-4 });
    expectTensorsClose(grads[3]!, tf.tensor(Array.from(x, (xk, k) => (w[k]! * (xk - m[k % 4]!)) / std(k % 4)), [3, 4]), { atol: 1e-5, rtol: 1e-4 });
    tf.dispose(grads);
  });

  it('leaks no tensors inside or outside the gradient', async () => {
    const x = tf.tensor4d(values(2 * 4 * 4 * 3, 15), [2, 4, 4, 3]);
    const layer = tf.layers.batchNormalization();
    layer.apply(x);
    await expectNoTensorLeaks(() => {
      const { grads, value } = tf.variableGrads(() => (layer.apply(x, { training: true }) as tf.Tensor).square().sum() as tf.Scalar);
      tf.dispose([value, ...Object.values(grads)]);
    });
    layer.dispose();
    x.dispose();
  });
});
