import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, ShapeError, useBackend } from '@dl/core';
import { catchConfigError, checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { smoothL1Loss } from './smooth-l1.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Smooth L1 in float64 from Girshick's definition, branch by branch, averaged over elements. */
function reference(truth: number[], predicted: number[], beta: number): number {
  let total = 0;
  truth.forEach((t, i) => {
    const d = predicted[i]! - t;
    total += Math.abs(d) < beta ? (0.5 * d * d) / beta : Math.abs(d) - 0.5 * beta;
  });
  return total / truth.length;
}

describe.each(['cpu', 'wasm'] as const)('smoothL1Loss on %s', (backend) => {
  it('agrees with a float64 reference on both sides of beta, for several betas', async () => {
    await useBackend(backend);
    const random = createSeededRandom(3);
    const truth = Array.from({ length: 24 }, () => random.next());
    // Differences spread over -1.5 .. 1.5, so every beta below sees both branches.
    const predicted = truth.map((t) => t + 3 * random.next() - 1.5);
    for (const beta of [0.05, 0.1, 0.5, 1, 2]) {
      const options = beta === 1 ? {} : { beta };
      const loss = smoothL1Loss(tf.tensor2d(truth, [6, 4]), tf.tensor2d(predicted, [6, 4]), options);
      expect(loss.shape).toEqual([]);
      expectTensorsClose(loss, [reference(truth, predicted, beta)], { rtol: 1e-5, atol: 1e-7 });
    }
    // Exactly at beta both branches give beta / 2.
    expectTensorsClose(smoothL1Loss(tf.scalar(0), tf.scalar(0.25), { beta: 0.25 }), [0.125], { atol: 1e-7 });
  });

  it('has gradients that agree with finite differences (quadratic and linear elements), and leaks nothing', async () => {
    await useBackend(backend);
    const truth = tf.tensor2d([[0.1, 0.2, 0.6, 0.7], [0.3, 0.3, 0.9, 0.8]]);
    // Differences 0.05, -0.04, 0.3, -0.25, ...: inside and outside beta = 0.1, none at a kink.
    const predicted = tf.tensor2d([[0.15, 0.16, 0.9, 0.45], [0.33, 0.62, 0.87, 0.4]]);
    checkGradients((p) => smoothL1Loss(truth, p, { beta: 0.1 }), [predicted], { step: 1e-3 });
    checkGradients((t) => smoothL1Loss(t, predicted, { beta: 0.1 }), [truth], { step: 1e-3 });
    await expectNoTensorLeaks(() => tf.grad((p: tf.Tensor) => smoothL1Loss(truth, p, { beta: 0.1 }))(predicted).dispose());
  });
});

describe('smoothL1Loss arguments', () => {
  it('rejects shapes that differ (ShapeError) and bad options (ConfigError naming the field)', () => {
    expect(() => smoothL1Loss(tf.zeros([2, 4]), tf.zeros([4, 2]))).toThrow(ShapeError);
    expect(catchConfigError(() => smoothL1Loss(tf.zeros([2]), tf.zeros([2]), { beta: 0 })).path).toBe('beta');
    expect(catchConfigError(() => smoothL1Loss(tf.zeros([2]), tf.zeros([2]), { delta: 1 } as never)).path).toBe('delta');
  });
});
