import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError, createSeededRandom } from '@dl/core';
import { checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { logSoftmaxRow, softmaxRow } from './reference.test-util.js';
import { logSoftmax, softmax } from './softmax.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Seeded float64 rows of uniform values in [-scale, scale]. */
function randomRows(rows: number, columns: number, seed: number, scale = 3): number[][] {
  const random = createSeededRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => (random.next() * 2 - 1) * scale));
}

describe('softmax', () => {
  it('matches the float64 reference row by row, with temperature', () => {
    const rows = randomRows(4, 6, 1);
    for (const temperature of [1, 0.5, 3]) {
      const s = softmax(tf.tensor2d(rows), { temperature });
      expectTensorsClose(s, rows.map((r) => softmaxRow(r, undefined, temperature)), { rtol: 1e-5, atol: 1e-7 });
      s.dispose();
    }
  });

  it('is stable per row where the seed\'s global max gives NaN', () => {
    const s = softmax(tf.tensor2d([[1000, 1001], [0, 1]]));
    expectTensorsClose(s, [softmaxRow([1000, 1001]), softmaxRow([0, 1])], { rtol: 1e-6 });
    expect(Array.from(s.dataSync()).every(Number.isFinite)).toBe(true);
    s.dispose();
  });

  it('handles 1-D input and other axes', () => {
    const s1 = softmax(tf.tensor1d([1, 2, 3]));
    expectTensorsClose(s1, softmaxRow([1, 2, 3]), { rtol: 1e-6 });
    const rows = randomRows(3, 4, 2);
    const s0 = softmax(tf.tensor2d(rows), { axis: 0 });
    const columns = rows[0]!.map((_, j) => softmaxRow(rows.map((r) => r[j]!)));
    expectTensorsClose(s0, rows.map((_, i) => columns.map((c) => c[i]!)), { rtol: 1e-5 });
    tf.dispose([s1, s0]);
  });

  it('gives masked positions exactly zero weight and fully masked rows all zeros', () => {
    const x = tf.tensor2d([[1, 2, 3], [4, 5, 6], [1e4, -1e4, 0]]);
    const mask = tf.tensor2d([[1, 0, 1], [0, 0, 0], [0, 1, 1]]);
    const s = softmax(x, { mask });
    const values = s.arraySync() as number[][];
    expect(values[0]![1]).toBe(0);
    expect(values[1]).toEqual([0, 0, 0]);
    expect(values[2]![0]).toBe(0);
    expectTensorsClose(s, [softmaxRow([1, 2, 3], [1, 0, 1]), [0, 0, 0], softmaxRow([1e4, -1e4, 0], [0, 1, 1])], { rtol: 1e-6, atol: 1e-7 });
    tf.dispose([x, mask, s]);
  });

  it('has finite gradients with masks, including fully masked rows and huge masked logits', () => {
    const x = tf.tensor2d([[1, 2, 3], [4, 5, 6], [1e30, 0, 1]]);
    const mask = tf.tensor2d([[1, 0, 1], [0, 0, 0], [0, 1, 1]], undefined, 'bool');
    const g = tf.grad((input: tf.Tensor) => softmax(input, { mask }).mul(tf.tensor2d([[1, 2, 3], [1, 1, 1], [3, 2, 1]])).sum())(x);
    const values = Array.from(g.dataSync());
    expect(values.every(Number.isFinite)).toBe(true);
    expect(values.slice(3, 6)).toEqual([0, 0, 0]);
    expect(values[6]).toBe(0);
    tf.dispose([x, mask, g]);
  });

  it('broadcasts a mask over a batch, matching the float64 masked softmax row by row', () => {
    const entries = [randomRows(3, 4, 3), randomRows(3, 4, 4)];
    const x = tf.tensor3d(entries.flat(2), [2, 3, 4]);
    const shared = [1, 1, 0, 1];
    const mask = tf.tensor1d(shared);
    const s = softmax(x, { mask });
    expectTensorsClose(s, entries.map((rows) => rows.map((row) => softmaxRow(row, shared))), { rtol: 1e-5, atol: 1e-7 });
    expect(Array.from(s.slice([0, 0, 2], [2, 3, 1]).dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
    // One mask per batch entry, shared by its rows: [2, 1, 4].
    const perEntry = [[0, 1, 1, 1], [1, 1, 1, 0]];
    const entryMask = tf.tensor3d(perEntry.flat(), [2, 1, 4], 'bool');
    const perEntrySoftmax = softmax(x, { mask: entryMask });
    expectTensorsClose(perEntrySoftmax, entries.map((rows, b) => rows.map((row) => softmaxRow(row, perEntry[b]))), { rtol: 1e-5, atol: 1e-7 });
    tf.dispose([x, mask, s, entryMask, perEntrySoftmax]);
  });

  it('passes a gradient check, with and without a mask', () => {
    const x = tf.tensor2d(randomRows(3, 5, 4));
    const mask = tf.tensor2d([[1, 1, 1, 1, 1], [1, 0, 1, 0, 1], [0, 0, 0, 0, 0]]);
    expect(checkGradients((a) => softmax(a!), [x]).passed).toBe(true);
    expect(checkGradients((a) => softmax(a!, { mask, temperature: 2 }), [x]).passed).toBe(true);
    tf.dispose([x, mask]);
  });

  it('rejects a bad axis, temperature or mask before computing', () => {
    const x = tf.tensor2d([[1, 2]]);
    expect(() => softmax(x, { axis: 2 })).toThrow(ConfigError);
    expect(() => softmax(x, { temperature: 0 })).toThrow(/temperature/);
    const badMask = tf.tensor1d([1, 0, 1]);
    expect(() => softmax(x, { mask: badMask })).toThrow(ShapeError);
    expect(() => softmax([1, 2] as unknown as tf.Tensor)).toThrow(/a tf.Tensor/);
    tf.dispose([x, badMask]);
  });

  it('leaks no tensors', async () => {
    const x = tf.tensor2d([[1, 2, 3]]);
    const mask = tf.tensor2d([[1, 0, 1]]);
    await expectNoTensorLeaks(() => {
      softmax(x, { mask }).dispose();
      logSoftmax(x, { mask, temperature: 2 }).dispose();
    });
    tf.dispose([x, mask]);
  });
});

describe('logSoftmax', () => {
  it('matches log-sum-exp in float64, also where log(softmax) underflows', () => {
    const rows = [...randomRows(3, 5, 5), [-1000, 0, 5, 1, 2], [200, -300, 0, 1, 2]];
    const l = logSoftmax(tf.tensor2d(rows));
    const values = l.arraySync() as number[][];
    expectTensorsClose(l, rows.map(logSoftmaxRow), { rtol: 1e-5, atol: 1e-4 });
    expect(values[3]![0]).toBeCloseTo(logSoftmaxRow(rows[3]!)[0]!, 3);
    expect(values[3]![0]).toBeLessThan(-1000); // log(softmax) would be log(0) = -Infinity
    l.dispose();
  });

  it('is -Infinity at masked positions, finite elsewhere, with finite gradients', () => {
    const x = tf.tensor2d([[1, 2, 3], [1, 1, 1]]);
    const mask = tf.tensor2d([[1, 0, 1], [0, 0, 0]]);
    const l = logSoftmax(x, { mask }).arraySync() as number[][];
    expect(l[0]![1]).toBe(Number.NEGATIVE_INFINITY);
    expect(l[0]![0]).toBeCloseTo(Math.log(softmaxRow([1, 2, 3], [1, 0, 1])[0]!), 5);
    expect(l[1]).toEqual([Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    // ∂ log p_0 / ∂z_j = δ_0j − p_j over kept j, 0 over masked j and the fully masked row.
    const g = tf.grad((input: tf.Tensor) => logSoftmax(input, { mask }).slice([0, 0], [1, 1]).sum())(x);
    const p = softmaxRow([1, 2, 3], [1, 0, 1]);
    expectTensorsClose(g, [[1 - p[0]!, 0, -p[2]!], [0, 0, 0]], { rtol: 1e-5, atol: 1e-7 });
    expect(checkGradients((a) => logSoftmax(a!), [x]).passed).toBe(true);
    tf.dispose([x, mask, g]);
  });

  it('back-propagates a non-uniform upstream gradient through kept positions only', () => {
    const rows = randomRows(4, 5, 6);
    const keep = [[1, 0, 1, 1, 0], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1], [0, 0, 1, 0, 0]];
    const upstream = randomRows(4, 5, 7, 2);
    const [x, mask, w] = [tf.tensor2d(rows), tf.tensor2d(keep, undefined, 'bool'), tf.tensor2d(upstream)];
    // Masked entries are -Infinity; take the kept ones only, so the sum stays finite.
    const keptLogSoftmax = (input: tf.Tensor): tf.Tensor => tf.where(mask, logSoftmax(input, { mask }), tf.zerosLike(input));
    const g = tf.grad((input: tf.Tensor) => keptLogSoftmax(input).mul(w).sum())(x);
    // d/dz_j Σ_{i kept} w_i log p_i = m_j (w_j − p_j Σ_{i kept} w_i).
    const expected = rows.map((row, r) => {
      const m = keep[r]!;
      const p = softmaxRow(row, m);
      const keptTotal = upstream[r]!.reduce((sum, wi, i) => sum + m[i]! * wi, 0);
      return p.map((pj, j) => m[j]! * (upstream[r]![j]! - pj * keptTotal));
    });
    expectTensorsClose(g, expected, { rtol: 1e-5, atol: 1e-6 });
    expect(checkGradients((a) => keptLogSoftmax(a!), [x]).passed).toBe(true);
    tf.dispose([x, mask, w, g]);
  });
});
