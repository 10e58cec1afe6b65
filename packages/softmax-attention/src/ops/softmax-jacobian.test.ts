import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { jacobianByFiniteDifferences, jacobianRow, softmaxRow } from './reference.test-util.js';
import { softmax } from './softmax.js';
import { softmaxJacobian, softmaxVjp } from './softmax-jacobian.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('softmaxJacobian', () => {
  it('equals diag(s) - s sᵀ, which float64 finite differences confirm', () => {
    const rows = [[0.5, -1, 2, 0.1], [3, 3, 3, 3], [10, -2, 0, 1]];
    for (const row of rows) {
      const closed = jacobianRow(row);
      const numeric = jacobianByFiniteDifferences(row);
      closed.forEach((r, i) => r.forEach((v, j) => expect(Math.abs(v - numeric[i]![j]!)).toBeLessThan(1e-8)));
    }
    const J = softmaxJacobian(tf.tensor2d(rows));
    expect(J.shape).toEqual([3, 4, 4]);
    expectTensorsClose(J, rows.map(jacobianRow), { rtol: 1e-4, atol: 1e-6 });
    J.dispose();
  });

  it('is not the seed\'s s ⊙ (s − 1): that has the wrong diagonal sign and no cross terms', () => {
    const J = softmaxJacobian(tf.tensor1d([1, 2, 3])).arraySync() as number[][];
    const s = softmaxRow([1, 2, 3]);
    J.forEach((row, i) => {
      // The diagonal is s_i (1 − s_i) > 0, the negative of the seed's s_i (s_i − 1).
      expect(row[i]).toBeCloseTo(-(s[i]! * (s[i]! - 1)), 6);
      expect(row[i]).toBeGreaterThan(0);
      // Cross terms are −s_i s_j, not 0.
      row.forEach((v, j) => {
        if (j !== i) expect(v).toBeCloseTo(-s[i]! * s[j]!, 6);
      });
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6); // rows sum to 0
      row.forEach((v, j) => expect(v).toBeCloseTo(J[j]![i]!, 7)); // symmetric
    });
  });

  it('agrees with the autodiff Jacobian of softmax', () => {
    const x = tf.tensor1d([0.3, -0.7, 1.5]);
    const J = softmaxJacobian(x);
    const rows = [0, 1, 2].map((i) => tf.grad((input: tf.Tensor) => softmax(input).gather([i]).sum())(x));
    expectTensorsClose(J, tf.stack(rows), { rtol: 1e-5, atol: 1e-7 });
    tf.dispose([x, J, ...rows]);
  });
});

describe('softmaxVjp', () => {
  it('equals Jᵀ dy and the gradient tfjs computes through softmax', () => {
    const x = tf.tensor2d([[0.2, 1.1, -0.5], [2, 0, 1]]);
    const dy = tf.tensor2d([[1, -2, 0.5], [0.3, 0.3, 4]]);
    const s = softmax(x);
    const vjp = softmaxVjp(s, dy);
    const viaJacobian = tf.matMul(softmaxJacobian(x), dy.expandDims(-1), true).squeeze([-1]);
    const viaAutodiff = tf.grad((input: tf.Tensor) => softmax(input).mul(dy).sum())(x);
    expectTensorsClose(vjp, viaJacobian, { rtol: 1e-5, atol: 1e-7 });
    expectTensorsClose(vjp, viaAutodiff, { rtol: 1e-5, atol: 1e-7 });
    expect(() => softmaxVjp(s, tf.ones([2, 2]))).toThrow(ShapeError);
    tf.dispose([x, dy, s, vjp, viaJacobian, viaAutodiff]);
  });
});
