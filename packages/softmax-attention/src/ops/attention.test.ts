import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError, createSeededRandom } from '@dl/core';
import { checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { causalMask, scaledDotProductAttention } from './attention.js';
import { attention, chunk } from './reference.test-util.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function random(shape: number[], seed: number): tf.Tensor {
  const r = createSeededRandom(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.next() * 2 - 1), shape);
}

describe('scaledDotProductAttention', () => {
  it('computes softmax(QKᵀ/√d_k)·V like the float64 reference, per batch entry', () => {
    const [q, k, v] = [random([2, 3, 4], 1), random([2, 5, 4], 2), random([2, 5, 6], 3)];
    const { output, weights } = scaledDotProductAttention(q, k, v);
    expect(output.shape).toEqual([2, 3, 6]);
    expect(weights.shape).toEqual([2, 3, 5]);
    for (let b = 0; b < 2; b++) {
      const slice = (t: tf.Tensor, cols: number) => chunk(t.slice([b, 0, 0], [1, -1, -1]).dataSync(), cols);
      const expected = attention(slice(q, 4), slice(k, 4), slice(v, 6));
      expectTensorsClose(output.slice([b, 0, 0], [1, -1, -1]).squeeze([0]), expected.output, { rtol: 1e-5, atol: 1e-6 });
      expectTensorsClose(weights.slice([b, 0, 0], [1, -1, -1]).squeeze([0]), expected.weights, { rtol: 1e-5, atol: 1e-6 });
    }
    tf.dispose([q, k, v, output, weights]);
  });

  it('applies causal and padding masks, and gives a query with no visible key a zero output', () => {
    const x = random([1, 4, 3], 4);
    const causal = scaledDotProductAttention(x, x, x, { causal: true });
    const w = causal.weights.squeeze([0]).arraySync() as number[][];
    w.forEach((row, i) => row.forEach((value, j) => (j > i ? expect(value).toBe(0) : expect(value).toBeGreaterThan(0))));
    const padding = tf.tensor2d([[1, 1, 0, 0], [0, 0, 0, 0], [1, 1, 1, 1], [1, 0, 0, 0]]);
    const masked = scaledDotProductAttention(x, x, x, { mask: padding });
    const rows = chunk(x.dataSync(), 3);
    const expected = attention(rows, rows, rows, padding.arraySync() as number[][]);
    expectTensorsClose(masked.output.squeeze([0]), expected.output, { rtol: 1e-5, atol: 1e-6 });
    expect(Array.from(masked.output.slice([0, 1, 0], [1, 1, 3]).dataSync())).toEqual([0, 0, 0]);
    expectTensorsClose(causalMask(2, 3), [[1, 0, 0], [1, 1, 0]]);
    tf.dispose([x, causal.output, causal.weights, padding, masked.output, masked.weights]);
  });

  it('passes a gradient check with respect to q, k and v', () => {
    const [q, k, v] = [random([2, 3, 4], 5), random([2, 3, 4], 6), random([2, 3, 2], 7)];
    const report = checkGradients((a, b, c) => scaledDotProductAttention(a!, b!, c!, { causal: true }).output, [q, k, v]);
    expect(report.passed).toBe(true);
    tf.dispose([q, k, v]);
  });

  it('keeps weights before dropout and scales surviving weights by 1/(1−rate) in the output', () => {
    const x = random([1, 6, 4], 8);
    const plain = scaledDotProductAttention(x, x, x);
    const dropped = scaledDotProductAttention(x, x, x, { dropout: 0.5, seed: 1 });
    expectTensorsClose(dropped.weights, plain.weights);
    expect(Array.from(dropped.output.dataSync())).not.toEqual(Array.from(plain.output.dataSync()));
    tf.dispose([x, plain.output, plain.weights, dropped.output, dropped.weights]);
  });

  it('rejects mismatched shapes and bad options, and leaks nothing', async () => {
    const q = random([2, 3, 4], 9);
    const k5 = random([2, 3, 5], 10);
    const v4 = random([2, 4, 4], 11);
    expect(() => scaledDotProductAttention(q, k5, q)).toThrow(ShapeError);
    expect(() => scaledDotProductAttention(q, q, v4)).toThrow(ShapeError);
    expect(() => scaledDotProductAttention(q, q, q, { dropout: 1 })).toThrow(ConfigError);
    const badMask = tf.ones([3, 4]);
    expect(() => scaledDotProductAttention(q, q, q, { mask: badMask })).toThrow(ShapeError);
    const mask = tf.ones([3]);
    await expectNoTensorLeaks(() => {
      const r = scaledDotProductAttention(q, q, q, { causal: true, mask, dropout: 0.1 });
      tf.dispose([r.output, r.weights]);
    });
    mask.dispose();
    tf.dispose([q, k5, v4, badMask]);
  });
});
