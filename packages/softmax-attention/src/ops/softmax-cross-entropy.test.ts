import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { checkGradients, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomTensor } from '../layers/testing.test-util.js';
import { chunk, logSoftmaxRow, softmaxRow } from './reference.test-util.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Seeded target distributions: `rows` float64 rows of `n` positive values summing to 1. */
function randomDistributions(rows: number, n: number, seed: number): number[][] {
  return chunk(randomTensor([rows, n], seed).dataSync(), n).map((row) => softmaxRow(row));
}

const logits = [[2, -1, 0.5], [100, 0, -100], [0.1, 0.2, 0.3]];
const labels = [[0, 1, 0], [1, 0, 0], [0.2, 0.5, 0.3]];

describe('softmaxCrossEntropy', () => {
  it('matches −Σ y log softmax(z) in float64, stably for large logits', () => {
    const loss = softmaxCrossEntropy(tf.tensor2d(labels), tf.tensor2d(logits));
    const expected = logits.map((z, i) => -logSoftmaxRow(z).reduce((sum, l, j) => sum + labels[i]![j]! * l, 0));
    expectTensorsClose(loss, expected, { rtol: 1e-5, atol: 1e-6 });
    loss.dispose();
  });

  it('has gradient softmax(z) − y with respect to the logits', () => {
    const y = tf.tensor2d(labels);
    const z = tf.tensor2d(logits);
    const g = tf.grad((input: tf.Tensor) => softmaxCrossEntropy(y, input).sum())(z);
    expectTensorsClose(g, logits.map((row, i) => softmaxRow(row).map((s, j) => s - labels[i]![j]!)), { rtol: 1e-5, atol: 1e-6 });
    tf.dispose([y, z, g]);
  });

  it('scales each row\'s gradient by its own upstream gradient: w_b (softmax(z_b) − y_b) and −w_b log softmax(z_b)', () => {
    // Square (4 rows of 4) so that an upstream gradient broadcast along the wrong axis
    // still runs and gives wrong numbers instead of a shape error.
    const zRows = chunk(randomTensor([4, 4], 1, 3).dataSync(), 4);
    const yRows = randomDistributions(4, 4, 2);
    const upstream = [0.5, -2, 3, 1.25];
    const [y, z, w] = [tf.tensor2d(yRows), tf.tensor2d(zRows), tf.tensor1d(upstream)];
    const [dy, dz] = tf.grads((a: tf.Tensor, b: tf.Tensor) => softmaxCrossEntropy(a, b).mul(w).sum())([y, z]);
    const expectedDz = zRows.map((row, b) => softmaxRow(row).map((s, i) => upstream[b]! * (s - yRows[b]![i]!)));
    const expectedDy = zRows.map((row, b) => logSoftmaxRow(row).map((l) => -upstream[b]! * l));
    expectTensorsClose(dz!, expectedDz, { rtol: 1e-5, atol: 1e-6 });
    expectTensorsClose(dy!, expectedDy, { rtol: 1e-5, atol: 1e-6 });
    tf.dispose([y, z, w, dy!, dz!]);
  });

  it('passes a finite-difference gradient check in both arguments, over a batch of rank 3', () => {
    const y = tf.tensor3d(randomDistributions(6, 5, 3).flat(), [2, 3, 5]);
    const z = randomTensor([2, 3, 5], 4, 2);
    expect(checkGradients((a, b) => softmaxCrossEntropy(a!, b!), [y, z]).passed).toBe(true);
    tf.dispose([y, z]);
  });

  it('gives softmax(z)·Σy − y for label rows that do not sum to 1 (an all-zero padding row, a weighted target)', () => {
    const labels = [[0, 0, 0], [0, 2, 0]];
    const logits = [[1, 2, 3], [1, 2, 3]];
    const y = tf.tensor2d(labels);
    const z = tf.tensor2d(logits);
    const gradient = tf.grad((a: tf.Tensor) => softmaxCrossEntropy(y, a).sum())(z);
    const expected = logits.map((row, b) => {
      const total = labels[b]!.reduce((sum, v) => sum + v, 0);
      return softmaxRow(row).map((p, i) => p * total - labels[b]![i]!);
    });
    expectTensorsClose(gradient, expected, { rtol: 1e-5, atol: 1e-6 });
    expect(checkGradients((a) => softmaxCrossEntropy(y, a!), [z]).passed).toBe(true);
    tf.dispose([y, z, gradient]);
  });

  it('rejects mismatched shapes', () => {
    const y = tf.ones([2, 3]);
    const z = tf.ones([2, 4]);
    expect(() => softmaxCrossEntropy(y, z)).toThrow(ShapeError);
    tf.dispose([y, z]);
  });
});
