import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';
import { checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomTensor } from '../layers/testing.test-util.js';
import { causalMask, scaledDotProductAttention, type AttentionResult } from './attention.js';
import { attention, chunk, type Matrix } from './reference.test-util.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * Compares `result` with the float64 reference {@link attention}, batch entry by batch entry.
 *
 * @param q - queries `[batch, Lq, d]`.
 * @param k - keys `[batch, Lk, d]`.
 * @param v - values `[batch, Lk, dv]`.
 * @param result - what `scaledDotProductAttention(q, k, v, ...)` returned.
 * @param maskOf - the 0/1 mask `[Lq][Lk]` the reference applies to batch entry `b`; none by default.
 */
function expectMatchesReference(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, result: AttentionResult, maskOf: (b: number) => Matrix | undefined = () => undefined): void {
  const entry = (t: tf.Tensor, b: number): Matrix => tf.tidy(() => chunk(t.slice([b, 0, 0], [1, -1, -1]).dataSync(), t.shape.at(-1)!));
  for (let b = 0; b < q.shape[0]!; b++) {
    const expected = attention(entry(q, b), entry(k, b), entry(v, b), maskOf(b));
    expectTensorsClose(tf.tidy(() => result.output.slice([b, 0, 0], [1, -1, -1]).squeeze([0])), expected.output, { rtol: 1e-5, atol: 1e-6 });
    expectTensorsClose(tf.tidy(() => result.weights.slice([b, 0, 0], [1, -1, -1]).squeeze([0])), expected.weights, { rtol: 1e-5, atol: 1e-6 });
  }
}

/** The 0/1 causal mask `[lq][lk]` from its definition: query i sees keys j <= i. */
function causalReference(lq: number, lk: number): Matrix {
  return Array.from({ length: lq }, (_, i) => Array.from({ length: lk }, (__, j) => (j <= i ? 1 : 0)));
}

describe('scaledDotProductAttention', () => {
  it('computes softmax(QKᵀ/√d_k)·V like the float64 reference, per batch entry', () => {
    const [q, k, v] = [randomTensor([2, 3, 4], 1), randomTensor([2, 5, 4], 2), randomTensor([2, 5, 6], 3)];
    const result = scaledDotProductAttention(q, k, v);
    expect(result.output.shape).toEqual([2, 3, 6]);
    expect(result.weights.shape).toEqual([2, 3, 5]);
    expectMatchesReference(q, k, v, result);
    tf.dispose([q, k, v, result.output, result.weights]);
  });

  it('applies causal and padding masks, and gives a query with no visible key a zero output', () => {
    const x = randomTensor([1, 4, 3], 4);
    const causal = scaledDotProductAttention(x, x, x, { causal: true });
    const w = causal.weights.squeeze([0]).arraySync() as number[][];
    w.forEach((row, i) => row.forEach((value, j) => (j > i ? expect(value).toBe(0) : expect(value).toBeGreaterThan(0))));
    expectMatchesReference(x, x, x, causal, () => causalReference(4, 4));
    const padding = tf.tensor2d([[1, 1, 0, 0], [0, 0, 0, 0], [1, 1, 1, 1], [1, 0, 0, 0]]);
    const masked = scaledDotProductAttention(x, x, x, { mask: padding });
    const rows = chunk(x.dataSync(), 3);
    const expected = attention(rows, rows, rows, padding.arraySync() as number[][]);
    expectTensorsClose(masked.output.squeeze([0]), expected.output, { rtol: 1e-5, atol: 1e-6 });
    expect(Array.from(masked.output.slice([0, 1, 0], [1, 1, 3]).dataSync())).toEqual([0, 0, 0]);
    expectTensorsClose(causalMask(2, 3), [[1, 0, 0], [1, 1, 0]]);
    tf.dispose([x, causal.output, causal.weights, padding, masked.output, masked.weights]);
  });

  it('matches the float64 reference with a causal mask, also for Lq ≠ Lk and combined with a per-entry padding mask', () => {
    const [q, k, v] = [randomTensor([2, 3, 4], 12), randomTensor([2, 5, 4], 13), randomTensor([2, 5, 2], 14)];
    const causal = scaledDotProductAttention(q, k, v, { causal: true });
    expectMatchesReference(q, k, v, causal, () => causalReference(3, 5));
    // Entry 0 hides its last two keys; entry 1 its first, so its query 0 sees no key at all.
    const padding = [[1, 1, 1, 0, 0], [0, 1, 1, 1, 1]];
    const paddingMask = tf.tensor3d(padding.flat(), [2, 1, 5], 'bool');
    const both = scaledDotProductAttention(q, k, v, { causal: true, mask: paddingMask });
    const combined = (b: number): Matrix => causalReference(3, 5).map((row) => row.map((keep, j) => keep * padding[b]![j]!));
    expectMatchesReference(q, k, v, both, combined);
    expect(Array.from(both.output.slice([1, 0, 0], [1, 1, 2]).dataSync())).toEqual([0, 0]);
    tf.dispose([q, k, v, paddingMask, causal.output, causal.weights, both.output, both.weights]);
  });

  it('passes a gradient check with respect to q, k and v', () => {
    const [q, k, v] = [randomTensor([2, 3, 4], 5), randomTensor([2, 3, 4], 6), randomTensor([2, 3, 2], 7)];
    const report = checkGradients((a, b, c) => scaledDotProductAttention(a!, b!, c!, { causal: true }).output, [q, k, v]);
    expect(report.passed).toBe(true);
    tf.dispose([q, k, v]);
  });

  it('applies inverted dropout to the weights behind the output: each 0 or w/(1−rate), about rate of them 0', () => {
    const [batch, length, rate] = [4, 48, 0.3];
    const x = randomTensor([batch, length, 8], 8);
    // With V = I the output is the weights actually used (after dropout), exactly.
    const identity = tf.tidy(() => tf.tile(tf.eye(length).expandDims(0), [batch, 1, 1]));
    const reference = Array.from({ length: batch }, (_, b) => {
      const rows = tf.tidy(() => chunk(x.slice([b, 0, 0], [1, -1, -1]).dataSync(), 8));
      return attention(rows, rows, rows).weights.flat();
    }).flat();
    const dropped = scaledDotProductAttention(x, x, identity, { dropout: rate, seed: 1 });
    expectTensorsClose(dropped.weights, reference, { rtol: 1e-5, atol: 1e-7 });
    expect(Math.min(...reference)).toBeGreaterThan(0); // so a 0 can only mean dropped
    const used = Array.from(dropped.output.dataSync());
    const scaled = reference.map((w) => w / (1 - rate));
    const neitherZeroNorScaled = used.flatMap((value, i) => (value === 0 || Math.abs(value - scaled[i]!) <= 1e-5 * scaled[i]! ? [] : [{ i, value, expected: scaled[i] }]));
    expect(neitherZeroNorScaled).toEqual([]);
    // The dropped count is Binomial(n, rate): allow 4 standard deviations.
    const n = used.length;
    const droppedFraction = used.filter((value) => value === 0).length / n;
    expect(Math.abs(droppedFraction - rate)).toBeLessThan(4 * Math.sqrt((rate * (1 - rate)) / n));
    const again = scaledDotProductAttention(x, x, identity, { dropout: rate, seed: 1 });
    expect(Array.from(again.output.dataSync())).toEqual(used);
    // Inference (rate 0): the output is the reference weights, whatever the seed.
    const inference = scaledDotProductAttention(x, x, identity, { dropout: 0, seed: 1 });
    expectTensorsClose(inference.output, reference, { rtol: 1e-5, atol: 1e-7 });
    tf.dispose([x, identity, dropped.output, dropped.weights, again.output, again.weights, inference.output, inference.weights]);
  });

  it('rejects mismatched shapes and bad options, and leaks nothing', async () => {
    const q = randomTensor([2, 3, 4], 9);
    const k5 = randomTensor([2, 3, 5], 10);
    const v4 = randomTensor([2, 4, 4], 11);
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
