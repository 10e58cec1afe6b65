import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { checkGradients, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { logSoftmaxRow, softmaxRow } from './reference.test-util.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

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

  it('passes a finite-difference gradient check in both arguments', () => {
    const y = tf.tensor2d([[0.1, 0.6, 0.3]]);
    const z = tf.tensor2d([[0.4, -1.2, 0.8]]);
    expect(checkGradients((a, b) => softmaxCrossEntropy(a!, b!), [y, z]).passed).toBe(true);
    tf.dispose([y, z]);
  });

  it('rejects mismatched shapes', () => {
    const y = tf.ones([2, 3]);
    const z = tf.ones([2, 4]);
    expect(() => softmaxCrossEntropy(y, z)).toThrow(ShapeError);
    tf.dispose([y, z]);
  });
});
