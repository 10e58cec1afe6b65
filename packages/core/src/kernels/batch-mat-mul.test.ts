import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend/use-backend.js';
import { createSeededRandom } from '../random/seeded-random.js';
import { checkGradients } from '../testing/check-gradients.js';
import { expectTensorsClose } from '../testing/expect-tensors-close.js';

beforeAll(async () => {
  const report = await useBackend('wasm');
  expect(report.installedTrainingKernels).toContain('BatchMatMul');
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** float64 reference of batched matmul with broadcasting of a batch of 1 and optional transposes. */
function reference(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): { values: number[]; shape: number[] } {
  const av = a.dataSync();
  const bv = b.dataSync();
  const [ar, ac] = a.shape.slice(-2) as [number, number];
  const [br, bc] = b.shape.slice(-2) as [number, number];
  const [m, k] = transposeA ? [ac, ar] : [ar, ac];
  const n = transposeB ? br : bc;
  const batchShape = a.size / (ar * ac) >= b.size / (br * bc) ? a.shape.slice(0, -2) : b.shape.slice(0, -2);
  const batch = batchShape.reduce((x, y) => x * y, 1);
  const batchA = a.size / (ar * ac);
  const batchB = b.size / (br * bc);
  const values: number[] = [];
  for (let t = 0; t < batch; t++) {
    const oa = (batchA === 1 ? 0 : t) * ar * ac;
    const ob = (batchB === 1 ? 0 : t) * br * bc;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) {
          const x = av[oa + (transposeA ? p * ac + i : i * ac + p)]!;
          const y = bv[ob + (transposeB ? j * bc + p : p * bc + j)]!;
          sum += x * y;
        }
        values.push(sum);
      }
  }
  return { values, shape: [...batchShape, m, n] };
}

function random(shape: number[], seed: number): tf.Tensor {
  const r = createSeededRandom(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((x, y) => x * y, 1) }, () => r.next() * 2 - 1), shape);
}

describe('Sum over leading axes on wasm (dl kernel)', () => {
  it.each([
    { shape: [4, 3, 5], axis: [0, 1], keepDims: false },
    { shape: [4, 3, 5], axis: [0], keepDims: true },
    { shape: [2, 3, 4, 5], axis: [0, 1, 2], keepDims: false },
    { shape: [4, 3, 5], axis: [1], keepDims: false },
    { shape: [4, 3, 5], axis: [-1], keepDims: false },
  ])('matches a float64 reference for %o', ({ shape, axis, keepDims }) => {
    const x = random(shape, 9);
    const axes = axis.map((a) => (a < 0 ? a + shape.length : a));
    // float64 reference: accumulate every element into the cell of its kept coordinates.
    const reference = (() => {
      const flat = Array.from(x.dataSync());
      const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
      const keptDims = shape.map((_, i) => i).filter((i) => !axes.includes(i));
      const out = new Map<string, number>();
      flat.forEach((v, index) => {
        const position = shape.map((d, i) => Math.floor(index / strides[i]!) % d);
        const key = keptDims.map((i) => position[i]).join(',');
        out.set(key, (out.get(key) ?? 0) + v);
      });
      return [...out.values()];
    })();
    const sum = tf.sum(x, axis, keepDims);
    const expectedShape = keepDims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !axes.includes(i));
    expect(sum.shape).toEqual(expectedShape);
    expectTensorsClose(sum, reference, { rtol: 1e-5, atol: 1e-5 });
    tf.dispose([x, sum]);
  });
});

describe('Unpack on wasm (dl kernel)', () => {
  it.each([
    { shape: [3, 4, 2], axis: 1 },
    { shape: [3, 4, 2], axis: 0 },
    { shape: [3, 4, 2], axis: -1 },
    { shape: [5], axis: 0 },
  ])('splits like slicing in float64 for %o, and passes gradients through', ({ shape, axis }) => {
    const x = random(shape, 10);
    const nested = x.arraySync();
    const parts = tf.unstack(x, axis);
    const resolved = axis < 0 ? axis + shape.length : axis;
    expect(parts).toHaveLength(shape[resolved]!);
    parts.forEach((part, k) => {
      const take = (value: unknown, depth: number): unknown =>
        depth === resolved ? (value as unknown[])[k] : (value as unknown[]).map((inner) => take(inner, depth + 1));
      expectTensorsClose(part, take(nested, 0) as number[], { rtol: 0, atol: 0 });
    });
    tf.dispose(parts);
    if (shape.length > 1) {
      const report = checkGradients((a) => tf.stack(tf.unstack(a!, axis).map((p, k) => p.mul(k + 1))), [x]);
      expect(report.passed).toBe(true);
    }
    x.dispose();
  });
});

describe('BatchMatMul on wasm (dl kernel)', () => {
  it.each([
    { a: [1, 5, 4], b: [1, 4, 3], ta: false, tb: false },
    { a: [1, 5, 4], b: [1, 3, 4], ta: false, tb: true },
    { a: [1, 4, 5], b: [1, 4, 3], ta: true, tb: false },
    { a: [1, 4, 5], b: [1, 3, 4], ta: true, tb: true },
    { a: [6, 5, 4], b: [6, 4, 3], ta: false, tb: false },
    { a: [6, 5, 4], b: [6, 3, 4], ta: false, tb: true },
    { a: [6, 4, 5], b: [1, 4, 3], ta: true, tb: false },
    { a: [1, 5, 4], b: [6, 4, 3], ta: false, tb: false },
    { a: [2, 3, 5, 4], b: [2, 3, 4, 2], ta: false, tb: false },
    { a: [2, 3, 4, 5], b: [2, 3, 2, 4], ta: true, tb: true },
  ])('matches the float64 reference for %o', ({ a, b, ta, tb }) => {
    const x = random(a, 1);
    const y = random(b, 2);
    const expected = reference(x, y, ta, tb);
    const product = tf.matMul(x, y, ta, tb);
    expect(product.shape).toEqual(expected.shape);
    expectTensorsClose(product, expected.values, { rtol: 1e-5, atol: 1e-5 });
    tf.dispose([x, y, product]);
  });

  it('passes a gradient check of a batched attention-like product', () => {
    const q = random([3, 4, 5], 3);
    const k = random([3, 6, 5], 4);
    const report = checkGradients((a, b) => tf.softmax(tf.matMul(a!, b!, false, true)), [q, k]);
    expect(report.passed).toBe(true);
    tf.dispose([q, k]);
  });
});
